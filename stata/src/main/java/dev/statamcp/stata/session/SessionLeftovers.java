package dev.statamcp.stata.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.LeaderlessGroup;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroup;
import dev.statamcp.stata.process.ProcessKiller;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server that died (SIGKILL, power cut) leaves behind: console Stata processes with no one to talk to,
 * each holding a licence seat, and their session folders. Every session folder records which server process owns
 * it and which Stata process group it started; a later server sweeps the folders whose owner is gone: it stops
 * their Stata process groups (only when the recorded process is still the same one: pid and start time) and
 * deletes the folders. Folders of live servers sharing the temp root are left alone.
 */
public final class SessionLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLeftovers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "owner.json";

    private SessionLeftovers() {
    }

    /** Records who owns a session folder and the Stata it started. */
    static void record(Path sessionDir, LaunchedProcess stata) {
        ObjectNode n = JSON.createObjectNode();
        ProcessHandle me = ProcessHandle.current();
        n.put("server_pid", me.pid());
        me.info().startInstant().ifPresent(t -> n.put("server_start", t.toEpochMilli()));
        ProcessHandle s = stata.process().toHandle();
        n.put("stata_pid", s.pid());
        s.info().startInstant().ifPresent(t -> n.put("stata_start", t.toEpochMilli()));
        stata.group().ifPresent(g -> n.put("pgid", g.pgid()));
        try {
            Files.writeString(sessionDir.resolve(FILE), JSON.writeValueAsString(n));
        } catch (IOException e) {
            LOG.warn("cannot record the owner of {}: {}", sessionDir, e.getMessage());
        }
    }

    /** Sweeps the folders under {@code tempRoot} whose server is gone. Returns how many Stata groups it stopped. */
    public static int sweep(Path tempRoot, Duration grace) {
        if (!Files.isDirectory(tempRoot)) {
            return 0;
        }
        int stopped = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempRoot, "session-*")) {
            for (Path dir : dirs) {
                Path file = dir.resolve(FILE);
                if (!Files.isRegularFile(file)) {
                    continue; // being created right now, or from a version that did not record owners
                }
                JsonNode owner = JSON.readTree(Files.readString(file));
                if (alive(owner.path("server_pid").asLong(), owner.path("server_start"))) {
                    continue;
                }
                Optional<ProcessHandle> stata = ProcessHandle.of(owner.path("stata_pid").asLong())
                        .filter(h -> alive(h.pid(), owner.path("stata_start")));
                if (stata.isPresent()) {
                    Optional<ProcessGroup> group = owner.has("pgid")
                            ? Optional.of(new ProcessGroup(owner.get("pgid").asLong(), Platform.current()))
                            : Optional.empty();
                    var report = ProcessKiller.kill(group, stata.get(), Platform.current(), grace);
                    stopped++;
                    LOG.info("stopped Stata (pid {}) left running by a server that is gone (pid {}){}",
                            stata.get().pid(), owner.path("server_pid").asLong(),
                            report.survivors().isEmpty() ? "" : "; still alive: " + report.survivors());
                } else if (owner.has("pgid") && stopOrphanedGroup(owner.get("pgid").asLong(), dir, grace)) {
                    stopped++;
                }
                ProcessCleanup.deleteTree(dir);
            }
        } catch (IOException e) {
            LOG.warn("cannot sweep old session folders in {}: {}", tempRoot, e.getMessage());
        }
        return stopped;
    }

    /** Stata itself may be gone (its stdin closed when the server died) while its engine process lives on. */
    private static boolean stopOrphanedGroup(long pgid, Path sessionDir, Duration grace) {
        boolean stopped = LeaderlessGroup.stop(pgid, "STATATMP=" + sessionDir.resolve("tmp"), grace);
        if (stopped) {
            LOG.info("stopped what Stata left in process group {} after its server died", pgid);
        }
        return stopped;
    }

    /** True when the process with that pid runs and started when recorded (pids are reused). */
    private static boolean alive(long pid, JsonNode recordedStart) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (h.isEmpty()) {
            return false;
        }
        if (recordedStart.isMissingNode()) {
            return true; // cannot compare: assume it is the same process rather than kill a stranger
        }
        Optional<Instant> start = h.get().info().startInstant();
        return start.isEmpty() || Math.abs(start.get().toEpochMilli() - recordedStart.asLong()) < 1000;
    }
}

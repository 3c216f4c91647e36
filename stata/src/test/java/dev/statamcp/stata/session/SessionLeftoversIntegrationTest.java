package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stata processes left running by a server that died are stopped by the next server; a live server's are not. */
class SessionLeftoversIntegrationTest {
    @TempDir
    Path tmp;

    StataSession session(String name) {
        return new StataSession(name, SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("sessions"))
                .withEnvironment(Map.of("FAKESTATA_SPAWN_ORPHAN", "1")), Emulator.installation(),
                dev.statamcp.stata.process.ProcessGroupLauncher.forCurrentPlatform());
    }

    static Path folderOf(Path root) throws Exception {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("session-")).findFirst().orElseThrow();
        }
    }

    @Test
    void aDeadServersStataIsStoppedWithItsWholeGroupAndALiveServersIsLeftAlone() throws Exception {
        StataSession orphaned = session("orphaned");
        assertThat(await(orphaned.submit(RunRequest.of("display 1"))).succeeded()).isTrue();
        Path folder = folderOf(tmp.resolve("sessions"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode owner = (ObjectNode) json.readTree(Files.readString(folder.resolve(SessionLeftovers.FILE)));
        long stataPid = owner.get("stata_pid").asLong();
        long pgid = owner.get("pgid").asLong();

        // A live owner (this JVM): nothing happens.
        assertThat(SessionLeftovers.sweep(tmp.resolve("sessions"), Duration.ofSeconds(1))).isZero();
        assertThat(ProcessHandle.of(stataPid).map(ProcessHandle::isAlive)).contains(true);

        // The same folder as if its server had died.
        owner.put("server_pid", 999_999_999L);
        Files.writeString(folder.resolve(SessionLeftovers.FILE), json.writeValueAsString(owner));
        assertThat(SessionLeftovers.sweep(tmp.resolve("sessions"), Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(ProcessHandle.of(stataPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(new dev.statamcp.stata.process.ProcessGroup(pgid, dev.statamcp.stata.process.Platform.current())
                .isEmpty()).as("the orphan child of the group is gone too").isTrue();
        assertThat(folder).doesNotExist();
        orphaned.close();
    }

    @Test
    void whenStataItselfIsGoneTheEngineProcessItLeftInItsGroupIsStoppedToo() throws Exception {
        StataSession orphaned = session("leaderless");
        assertThat(await(orphaned.submit(RunRequest.of("display 1"))).succeeded()).isTrue();
        Path folder = folderOf(tmp.resolve("sessions"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode owner = (ObjectNode) json.readTree(Files.readString(folder.resolve(SessionLeftovers.FILE)));
        long stataPid = owner.get("stata_pid").asLong();
        var group = new dev.statamcp.stata.process.ProcessGroup(owner.get("pgid").asLong(),
                dev.statamcp.stata.process.Platform.current());
        // Stata ends (as it does when a dead server's pipe closes); the process it left in its group lives on.
        ProcessHandle.of(stataPid).orElseThrow().destroyForcibly();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(stataPid).map(h -> !h.isAlive()).orElse(true));
        assertThat(group.livingMembers()).as("the emulator's engine stand-in").isNotEmpty();

        owner.put("server_pid", 999_999_999L);
        Files.writeString(folder.resolve(SessionLeftovers.FILE), json.writeValueAsString(owner));
        assertThat(SessionLeftovers.sweep(tmp.resolve("sessions"), Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(group.isEmpty()).isTrue();
        assertThat(folder).doesNotExist();
        orphaned.close();
    }
}

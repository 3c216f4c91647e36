package dev.statamcp.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.StdioSession;
import dev.statamcp.bench.subject.ProcessTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One chaos run: a server of its own (data directory and working folder in the run's folder), a mix of jobs in two
 * console sessions and one batch job submitted in the background, then at a random moment SIGKILL to the server or
 * to one session's Stata. After a server kill a new server is started on the same data directory. Once every job has
 * ended, each is checked against what was seen just before the kill, the server is shut down, and the run's folder
 * must have no process left: neither in the process groups of the Stata pids the server reported, nor anywhere
 * else pointing into the folder (each Stata gets its {@code STATATMP} under the data directory).
 */
final class ChaosRun {
    private static final Set<String> ENDED_BADLY = Set.of("failed", "interrupted");

    private final Path root;
    private final Path dir;
    private final Random random;
    private final int number;
    private final boolean orphans;

    ChaosRun(Path root, Path dir, long seed, int number, boolean orphans) {
        this.orphans = orphans;
        this.root = root;
        this.dir = dir;
        this.random = new Random(seed * 1_000_003L + number);
        this.number = number;
    }

    ChaosOutcome run() {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ChaosJob> jobs = List.of(
                new ChaosJob(1, "a", 0, 0),
                new ChaosJob(2, "a", 10 + random.nextInt(20), 100),
                new ChaosJob(3, "a", 0, 0),
                new ChaosJob(4, "b", 20 + random.nextInt(30), 100),
                new ChaosJob(5, "b", 2, 50),
                new ChaosJob(6, null, 10 + random.nextInt(30), 100));
        boolean killServer = random.nextBoolean();
        long killAfterMs = 300 + random.nextInt(5_700);
        String target = killServer ? "server" : "Stata";
        Map<Integer, String> ids = new LinkedHashMap<>();
        Map<String, String> before = new HashMap<>();
        Set<Long> groups = new TreeSet<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<String> leftovers = new ArrayList<>();
        Path data = dir.resolve("data");
        Path work = dir.resolve("work");
        AppServer.Options options = AppServer.Options.stdio(root, data, work, dir.resolve("server.stderr.log"));
        if (orphans) {
            // As real Stata does, each emulator leaves a child in its process group that holds none of its pipes.
            options = options.env("FAKESTATA_SPAWN_ORPHAN", "1");
        }
        AppServer first = null;
        AppServer second = null;
        try {
            first = AppServer.start(options);
            StdioSession client = first.stdio();
            long t0 = System.nanoTime();
            for (ChaosJob job : jobs) {
                JsonNode accepted = job.batch()
                        ? client.tool("stata_run_file", Tools.args("path", job.writeDoFile(work).toString(), "mode",
                                "batch", "background", true), Duration.ofSeconds(60))
                        : client.tool("stata_run", Tools.args("code", job.code(), "session", job.session(),
                                "background", true), Duration.ofSeconds(60));
                String id = Tools.jobId(accepted);
                if (id == null) {
                    throw new IllegalStateException(job.describe() + " was not accepted: " + Tools.text(accepted));
                }
                ids.put(job.number(), id);
            }
            long sleepMs = killAfterMs - (System.nanoTime() - t0) / 1_000_000;
            if (sleepMs > 0) {
                Thread.sleep(sleepMs);
            }
            List<Long> stataPids = sessionPids(client);
            stataPids.forEach(pid -> groupOf(pid, groups));
            for (var e : ids.entrySet()) {
                before.put(e.getValue(), status(client, e.getValue()));
            }
            if (killServer) {
                first.kill();
            } else if (stataPids.isEmpty()) {
                target = "Stata (none running yet: nothing killed)";
            } else {
                long victim = stataPids.get(random.nextInt(stataPids.size()));
                ProcessTable.kill(victim);
            }
            StdioSession checker = client;
            if (killServer) {
                second = AppServer.start(options);
                checker = second.stdio();
            }
            AppServer live = killServer ? second : first;
            for (var e : ids.entrySet()) {
                after.put(e.getValue(), awaitEnd(checker, e.getValue(), Duration.ofSeconds(120)));
            }
            for (ChaosJob job : jobs) {
                check(checker, job, ids.get(job.number()), before, after, problems, notes);
            }
            sessionPids(checker).forEach(pid -> groupOf(pid, groups));
            // Orderly end: stdin closed, the server finishes (nothing is left to drain) and exits.
            live.closeStdin();
            if (!live.waitFor(Duration.ofSeconds(60))) {
                problems.add("the server did not exit within 60 s of its stdin closing");
            }
            leftovers.addAll(awaitNoLeftovers(groups, Duration.ofSeconds(15)));
            problems.addAll(leftovers.stream().map(l -> "left behind: " + l).toList());
        } catch (Exception e) {
            problems.add("the run could not be completed: " + e);
        } finally {
            // Whatever is still there is killed by pid (only processes of this run's folder), never left running.
            if (first != null) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
        List<String> story = new ArrayList<>();
        for (ChaosJob job : jobs) {
            String id = ids.get(job.number());
            if (id != null) {
                story.add("J" + job.number() + (job.batch() ? "b" : job.session()) + " " + letter(before.get(id))
                        + "→" + letter(after.get(id)));
            }
        }
        return new ChaosOutcome(number, target, killAfterMs, before, after, String.join(", ", story), problems,
                notes);
    }

    /** q, r, s(ucceeded), f, i, c, t, or ? for unknown. */
    private static String letter(String status) {
        return status == null || status.isEmpty() ? "?" : status.substring(0, 1);
    }

    private static List<Long> sessionPids(StdioSession client) throws Exception {
        List<Long> pids = new ArrayList<>();
        JsonNode list = client.tool("stata_session", Tools.args("action", "list"), Duration.ofSeconds(30));
        for (JsonNode s : Tools.structured(list).path("sessions")) {
            if (s.hasNonNull("pid")) {
                pids.add(s.get("pid").asLong());
            }
        }
        return pids;
    }

    private static void groupOf(long pid, Set<Long> groups) {
        ProcessTable.Entry e = ProcessTable.read(pid);
        if (e != null) {
            groups.add(e.pgid());
        }
    }

    private static String status(StdioSession client, String id) throws Exception {
        return Tools.status(client.tool("stata_job_status", Tools.args("job_id", id), Duration.ofSeconds(30)));
    }

    private static String awaitEnd(StdioSession client, String id, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            String s = status(client, id);
            if (!s.equals("queued") && !s.equals("running")) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                return s + " (still, after " + max.toSeconds() + " s)";
            }
            Thread.sleep(250);
        }
    }

    /**
     * A job that had ended before the kill keeps its status and result; any other ends succeeded with its whole
     * output, or failed/interrupted with its log readable (and START in it when it had started).
     */
    private static void check(StdioSession client, ChaosJob job, String id, Map<String, String> before,
                              Map<String, String> after, List<String> problems, List<String> notes)
            throws Exception {
        String was = before.get(id);
        String now = after.get(id);
        String who = job.describe() + " " + id;
        boolean endedBefore = !was.equals("queued") && !was.equals("running");
        if (endedBefore && !was.equals(now)) {
            problems.add(who + ": had ended " + was + " before the kill, is " + now + " afterwards");
        }
        JsonNode result = client.tool("stata_job_result", Tools.args("job_id", id), Duration.ofSeconds(30));
        String text = Tools.text(result);
        if (now.equals("succeeded")) {
            if (!text.contains(job.end()) || !text.contains(job.start())) {
                problems.add(who + ": succeeded, but its result lacks " + job.start() + " or " + job.end());
            }
            return;
        }
        if (!ENDED_BADLY.contains(now)) {
            problems.add(who + ": ended " + now + ", expected succeeded, failed or interrupted");
            return;
        }
        JsonNode view = Tools.structured(client.tool("stata_job_status", Tools.args("job_id", id),
                Duration.ofSeconds(30)));
        if (!view.hasNonNull("started_at")) {
            return; // never started: there is no log to keep
        }
        JsonNode log;
        try {
            log = client.request("resources/read", Tools.MAPPER.createObjectNode().put("uri",
                    view.path("log_uri").asText()), Duration.ofSeconds(30));
        } catch (Exception e) {
            problems.add(who + ": ended " + now + " but its log cannot be read: " + e.getMessage());
            return;
        }
        String logText = log.path("contents").path(0).path("text").asText("");
        if (!logText.contains(job.start()) && !text.contains(job.start())) {
            // Killed between starting and its first line: possible, but rare; counted, not failed.
            notes.add(who + ": ended " + now + " with a log that does not show " + job.start());
        }
    }

    /** Waits until every recorded process group and the run's folder are free of live processes. */
    private List<String> awaitNoLeftovers(Set<Long> groups, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<String> left = new ArrayList<>();
            for (long pgid : groups) {
                for (ProcessTable.Entry e : ProcessTable.group(pgid)) {
                    left.add("pid " + e.pid() + " (" + e.command() + ") in Stata's process group " + pgid);
                }
            }
            for (ProcessTable.Entry e : AppServer.leftovers(dir, Set.of())) {
                String line = "pid " + e.pid() + " (" + e.command() + ", group " + e.pgid() + ") of the run's folder";
                if (left.stream().noneMatch(l -> l.startsWith("pid " + e.pid() + " "))) {
                    left.add(line);
                }
            }
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(200);
        }
    }
}

package dev.statamcp.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.slurm.SlurmTestCluster;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's acceptance, end to end: the official Java SDK MCP client drives {@code bin/stata-mcp serve --executor
 * slurm} over stdio against the real one-node Slurm cluster of {@code scripts/slurm/cluster-up}, with fakestata as
 * the Stata binary on the node. Skips only when the machine cannot run Slurm (cluster-up exits 77).
 */
@Tag("slurm")
@ExtendWith(SlurmTestCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAcceptanceIT {
    private static final Duration POLL = Duration.ofMillis(300);

    private static Path root;
    private static Path base;
    private static Path work;
    private static Path data;
    private static McpClientProcess server;

    @BeforeAll
    static void startServer() throws IOException {
        SlurmTestCluster.Cluster cluster = SlurmTestCluster.get();
        root = cluster.projectRoot();
        // Under the build folder, not a temp dir: jobs run on the "node" as the submitting user and must see it.
        base = root.resolve("server/target/cluster-it/" + UUID.randomUUID().toString().substring(0, 8));
        work = Files.createDirectories(base.resolve("work"));
        data = base.resolve("data");
        server = start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static McpClientProcess start() {
        SlurmTestCluster.Cluster cluster = SlurmTestCluster.get();
        List<String> args = List.of("serve", "--executor", "slurm", "--data-dir", data.toString(),
                "--stata-path", root.resolve("fakestata/bin/stata-mp").toString(),
                "--slurm-conf", cluster.slurmConf().toString(), "--slurm-poll-seconds", "1",
                "--progress-seconds", "1", "--workspace", work.toString(),
                "--log-file", base.resolve("server.log").toString());
        return new McpClientProcess(root, args, Map.of(), data.toString());
    }

    @Test
    @Order(1)
    void tenSecondDoFileReportsItsSlurmStateThenItsLogLinesThenTheResult() throws Exception {
        Path doFile = doFile("ten.do", "display \"starting the work\"", "sleep 10000", "display \"all done\"");
        int from = server.received.size();
        Instant t0 = Instant.now();
        McpSchema.CallToolResult result = call("stata_run_file", Map.of("path", doFile.toString(), "mode", "cluster"),
                "ten");
        System.out.printf("cluster: 10 s do-file round trip %.1f s%n",
                Duration.between(t0, Instant.now()).toMillis() / 1000.0);

        assertThat(isError(result)).as(text(result)).isFalse();
        assertThat(structured(result)).containsEntry("status", "succeeded").containsEntry("rc", 0);
        assertThat(text(result)).contains("all done");

        List<McpSchema.JSONRPCMessage> seen = server.received.subList(from, server.received.size());
        int state = indexOf(seen, m -> progressMessage(m, "ten").matches(".*(PENDING|RUNNING on \\S+).*"));
        int line = indexOf(seen, m -> logData(m).contains("starting the work"));
        int end = indexOf(seen, m -> m instanceof McpSchema.JSONRPCResponse);
        assertThat(state).as("a PENDING or RUNNING progress message").isNotNegative();
        assertThat(line).as("a log line of the do-file").isGreaterThan(state);
        assertThat(end).as("the result").isGreaterThan(line);
        assertThat(seen.stream().map(m -> progressMessage(m, "ten")).filter(s -> s.contains("RUNNING on")))
                .as("running progress shows elapsed time").anyMatch(s -> s.matches("\\d\\d:\\d\\d · .*"));
    }

    @Test
    @Order(2)
    void stataErrorInsideComesBackWithItsRc() throws Exception {
        Path doFile = doFile("err.do", "display \"before the error\"", "error 459", "display \"never\"");
        McpSchema.CallToolResult result = call("stata_run_file", Map.of("path", doFile.toString(), "mode", "cluster"),
                "err");
        assertThat(isError(result)).isTrue();
        assertThat(structured(result)).containsEntry("status", "failed").containsEntry("rc", 459)
                .containsEntry("message", "something that should be true of your data is not")
                .containsEntry("command", "error 459");
        assertThat(text(result)).contains("Stata error r(459)");
    }

    @Test
    @Order(3)
    void cancelOfARunningClusterJobEndsItCancelledAndTakesItOffTheQueue() throws Exception {
        Path doFile = doFile("long.do", "display \"waiting\"", "sleep 300000");
        String job = (String) structured(call("stata_run_file", Map.of("path", doFile.toString(), "mode", "cluster",
                "background", true), null)).get("job_id");
        awaitStatus(job, "running", Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() -> structured(call("stata_job_status",
                Map.of("job_id", job), null)).get("log_tail").toString(), tail -> tail.contains("waiting"));
        assertThat(squeue(job)).as("squeue lists the running job").isNotEmpty();

        McpSchema.CallToolResult cancelled = call("stata_job_cancel", Map.of("job_id", job), null);
        assertThat(structured(cancelled)).containsEntry("status", "cancelled");
        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() -> squeue(job).isEmpty());
        assertThat(text(call("stata_job_result", Map.of("job_id", job), null))).contains("waiting");
    }

    @Test
    @Order(4)
    void sweepOfSixOverAJobArrayGivesSixResultsWithTheFailingOneReportedAsFailed() throws Exception {
        Path doFile = doFile("sim.do", "args name code", "display \"running `name'\"", "sleep 500", "error `code'",
                "display \"finished `name'\"");
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lists.add(List.of("t" + i, i == 4 ? "198" : "0"));
        }
        int from = server.received.size();
        Instant t0 = Instant.now();
        McpSchema.CallToolResult result = call("stata_run_sweep", Map.of("path", doFile.toString(), "args", lists,
                "max_parallel", 3), "sweep");
        System.out.printf("cluster: sweep of 6 (3 at a time) round trip %.1f s%n",
                Duration.between(t0, Instant.now()).toMillis() / 1000.0);

        Map<String, Object> sweep = structured(result);
        assertThat(sweep).containsEntry("mode", "cluster").containsEntry("tasks_total", 6)
                .containsEntry("tasks_done", 6).containsEntry("status", "failed");
        assertThat(sweep.get("slurm_job_id")).asString().matches("\\d+");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) sweep.get("tasks");
        assertThat(tasks).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> t = tasks.get(i);
            assertThat(t).containsEntry("task", i);
            if (i == 4) {
                assertThat(t).containsEntry("status", "failed").containsEntry("rc", 198);
            } else {
                assertThat(t).as("task %d", i).containsEntry("status", "succeeded").containsEntry("rc", 0);
                assertThat((List<Object>) t.get("output_tail")).contains("finished t" + i);
            }
        }
        assertThat(isError(result)).as("five tasks worked").isFalse();
        assertThat(text(result)).contains("task 4 [t4 198]: failed r(198)");
        List<McpSchema.JSONRPCMessage> seen = server.received.subList(from, server.received.size());
        assertThat(seen.stream().map(m -> progressMessage(m, "sweep"))).anyMatch(s -> s.contains("/6 tasks done"));

        // Each task is a job: the job tools work on it.
        McpSchema.CallToolResult failed = call("stata_job_result", Map.of("job_id", tasks.get(4).get("job_id")), null);
        assertThat(structured(failed)).containsEntry("rc", 198);
        assertThat(text(failed)).contains("running t4");
    }

    @Test
    @Order(5)
    void unknownPartitionIsAToolErrorWithSlurmsWords() throws Exception {
        Path doFile = doFile("part.do", "display 1");
        McpSchema.CallToolResult result = call("stata_run_file", Map.of("path", doFile.toString(), "mode", "cluster",
                "cluster", Map.of("partition", "nosuchpartition")), null);
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).contains("Invalid partition name specified", "sinfo");
    }

    @Test
    @Order(6)
    void serverKilledMidJobIsRestartedAndReadoptsItsClusterJobs() throws Exception {
        Path quick = doFile("quick.do", "display \"quick one\"", "sleep 3000", "display \"quick end\"");
        Path slow = doFile("slow.do", "display \"slow one\"", "sleep 20000", "display \"slow end\"");
        String a = (String) structured(call("stata_run_file", Map.of("path", quick.toString(), "mode", "cluster",
                "background", true), null)).get("job_id");
        String b = (String) structured(call("stata_run_file", Map.of("path", slow.toString(), "mode", "cluster",
                "background", true), null)).get("job_id");
        awaitStatus(a, "running", Duration.ofSeconds(60));
        awaitStatus(b, "running", Duration.ofSeconds(60));

        ProcessHandle process = server.process().orElseThrow();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
        process.onExit().get(30, TimeUnit.SECONDS);
        server.close();
        // The quick job ends while no server watches it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .until(() -> Files.exists(data.resolve("slurm").resolve(a).resolve("exit")));
        assertThat(squeue(b)).as("the slow job runs on without the server").isNotEmpty();

        Instant t0 = Instant.now();
        server = start();
        McpSchema.CallToolResult first = call("stata_job_wait", Map.of("job_id", a, "seconds", 60), null);
        System.out.printf("cluster: restart to re-adopted result %.1f s%n",
                Duration.between(t0, Instant.now()).toMillis() / 1000.0);
        assertThat(structured(first)).containsEntry("status", "succeeded");
        assertThat(text(first)).contains("quick end");
        McpSchema.CallToolResult second = call("stata_job_wait", Map.of("job_id", b, "seconds", 120), null);
        assertThat(structured(second)).containsEntry("status", "succeeded");
        assertThat(text(call("stata_job_result", Map.of("job_id", b), null))).contains("slow one", "slow end");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static McpSchema.CallToolResult call(String tool, Map<String, Object> args, String progressToken) {
        McpSchema.CallToolRequest.Builder request = McpSchema.CallToolRequest.builder(tool).arguments(args);
        if (progressToken != null) {
            request.progressToken(progressToken);
        }
        return server.client.callTool(request.build());
    }

    private static void awaitStatus(String job, String status, Duration limit) {
        await().atMost(limit).pollInterval(POLL).until(() -> structured(call("stata_job_status",
                Map.of("job_id", job), null)).get("status"), s -> s.equals(status));
    }

    /** Job ids squeue still lists for the stata-mcp job (by its Slurm job name). */
    private static String squeue(String job) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("squeue", "-h", "-n", "stata-mcp-" + job, "-o", "%i %T")
                .redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", SlurmTestCluster.get().slurmConf().toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static boolean isError(McpSchema.CallToolResult result) {
        return Boolean.TRUE.equals(result.isError());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(McpSchema.CallToolResult result) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : result.content()) {
            if (c instanceof McpSchema.TextContent t) {
                sb.append(t.text()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String progressMessage(McpSchema.JSONRPCMessage m, String token) {
        if (m instanceof McpSchema.JSONRPCNotification n && "notifications/progress".equals(n.method())
                && n.params() instanceof Map<?, ?> p && token.equals(p.get("progressToken"))) {
            Object message = p.get("message");
            return message == null ? "" : message.toString();
        }
        return "";
    }

    private static String logData(McpSchema.JSONRPCMessage m) {
        if (m instanceof McpSchema.JSONRPCNotification n && "notifications/message".equals(n.method())
                && n.params() instanceof Map<?, ?> p) {
            return String.valueOf(p.get("data"));
        }
        return "";
    }

    private static int indexOf(List<McpSchema.JSONRPCMessage> messages,
                               java.util.function.Predicate<McpSchema.JSONRPCMessage> test) {
        for (int i = 0; i < messages.size(); i++) {
            if (test.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Path doFile(String name, String... lines) throws IOException {
        return Files.writeString(work.resolve(name), String.join("\n", lines) + "\n");
    }
}

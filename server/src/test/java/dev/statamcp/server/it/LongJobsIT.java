package dev.statamcp.server.it;

import static dev.statamcp.server.it.ToolResults.call;
import static dev.statamcp.server.it.ToolResults.status;
import static dev.statamcp.server.it.ToolResults.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.interop.RecordingTransport;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroup;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance for a connected client (the official Java SDK client, stdio, the packaged server on the
 * emulator): progress during a long do-file, the "still running" answer and the wait that follows, the three ways to
 * cancel, the time limit, and long queues kept in order.
 */
class LongJobsIT {
    @TempDir
    Path tmp;

    @Test
    void aTwentySecondDoFileSendsRisingProgressWithElapsedTimePositionAndLastLine() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("display \"step " + i + " of 20\"");
            lines.add("sleep 1000");
        }
        Path doFile = Files.writeString(work.resolve("long.do"), String.join("\n", lines) + "\n");
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = new ServerFixture(tmp.resolve("data")).flag("--workspace", work.toString(),
                "--progress-seconds", "1").client(progress::add, logs::add)) {
            McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder().name("stata_run_file")
                    .arguments(Map.of("path", doFile.toString())).progressToken("long-do").build());
            assertThat(r.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(structured(r).get("status").asText()).isEqualTo("succeeded");
        }
        List<McpSchema.ProgressNotification> mine = progress.stream()
                .filter(p -> "long-do".equals(p.progressToken())).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(15);
        List<Double> values = mine.stream().map(McpSchema.ProgressNotification::progress).sorted().toList();
        assertThat(values).doesNotHaveDuplicates();
        assertThat(mine).filteredOn(p -> p.total() != null).isNotEmpty()
                .allSatisfy(p -> assertThat(p.total()).isEqualTo(40.0));
        // The message names elapsed time, position and the last line Stata wrote (output, the command running, or
        // the do-file's own end when the last lines arrive together).
        assertThat(mine).filteredOn(p -> p.total() != null).allSatisfy(p -> assertThat(p.message())
                .matches("00:\\d\\d · cmd \\d+/40 · (display \"step \\d+ of 20\"|step \\d+ of 20|sleep 1000"
                        + "|end of do-file)"));
        assertThat(mine).allSatisfy(p -> assertThat(p.message().length()).isLessThanOrEqualTo(200));
        assertThat(logs).anySatisfy(l -> assertThat(l.data()).contains("step 20 of 20"));
    }

    @Test
    void aCallOverTheLimitAnswersStillRunningAndTheWaitReturnsTheResult() throws Exception {
        try (McpSyncClient client = new ServerFixture(tmp.resolve("data")).flag("--max-call-seconds", "5")
                .client(null, null)) {
            long start = System.nanoTime();
            McpSchema.CallToolResult first = call(client, "stata_run", Map.of("code",
                    "forvalues i = 1/20 {\ndisplay \"tick `i'\"\nsleep 1000\n}\ndisplay \"all done\""));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMs).isBetween(4_000L, 15_000L);
            JsonNode running = structured(first);
            assertThat(running.get("status").asText()).isIn("running", "queued");
            assertThat(running.get("next").asText()).contains("stata_job_wait");
            String id = running.get("job_id").asText();

            McpSchema.CallToolResult done = call(client, "stata_job_wait", Map.of("job_id", id, "seconds", 60));
            assertThat(structured(done).get("status").asText()).isEqualTo("succeeded");
            assertThat(((McpSchema.TextContent) done.content().get(0)).text()).contains("all done");
        }
    }

    @Test
    void cancellingTheCallBreaksTheJobAndTheSessionKeepsItsData() throws Exception {
        RecordingTransport transport = new RecordingTransport(new ServerFixture(tmp.resolve("data")).stdioTransport());
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (McpSyncClient client = ServerFixture.client(transport, null, null)) {
            call(client, "stata_run", Map.of("code", "sysuse auto, clear\nglobal kept \"still here\""));
            Future<McpSchema.CallToolResult> blocked = background.submit(() -> call(client, "stata_run",
                    Map.of("code", "display \"sleeping\"\nsleep 60000")));
            String jobId = awaitRunningJob(client);
            Object requestId = transport.lastCallId("sleep 60000");
            long cancelledAt = System.nanoTime();
            transport.cancel(requestId, "the user pressed stop");
            await().atMost(Duration.ofSeconds(2)).until(() -> status(client, jobId).equals("cancelled"));
            long tookMs = (System.nanoTime() - cancelledAt) / 1_000_000;
            assertThat(tookMs).isLessThan(2_000);
            Thread.sleep(500);
            assertThat(blocked.isDone()).as("no result is sent for a cancelled call").isFalse();
            JsonNode after = structured(call(client, "stata_run", Map.of("code", "display \"$kept\"\ncount")));
            assertThat(after.get("status").asText()).isEqualTo("succeeded");
            String out = ((McpSchema.TextContent) call(client, "stata_job_result", Map.of("job_id",
                    after.get("job_id").asText())).content().get(0)).text();
            assertThat(out).contains("still here", "74");
            blocked.cancel(true);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void stataJobCancelAndTheTimeLimitEndJobsPromptly() throws Exception {
        try (McpSyncClient client = new ServerFixture(tmp.resolve("data")).client(null, null)) {
            String id = structured(call(client, "stata_run", Map.of("code", "sleep 60000", "background", true)))
                    .get("job_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(client, id).equals("running"));
            long start = System.nanoTime();
            JsonNode cancelled = structured(call(client, "stata_job_cancel", Map.of("job_id", id)));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");

            McpSchema.CallToolResult timed = call(client, "stata_run", Map.of("code", "sleep 60000",
                    "timeout_seconds", 2));
            JsonNode t = structured(timed);
            assertThat(t.get("status").asText()).isEqualTo("timed_out");
            assertThat(t.get("reason").asText()).contains("time limit of 2 s");
            assertThat(structured(call(client, "stata_run", Map.of("code", "display 1"))).get("status").asText())
                    .isEqualTo("succeeded");
        }
    }

    @Test
    void aJobThatIgnoresBreakIsKilledWithItsWholeProcessGroupAndTheSessionStartsAfresh() throws Exception {
        try (McpSyncClient client = new ServerFixture(tmp.resolve("data")).flag("--cancel-grace-seconds", "1")
                .env("FAKESTATA_IGNORE_BREAK", "1").env("FAKESTATA_SPAWN_ORPHAN", "1").client(null, null)) {
            call(client, "stata_run", Map.of("code", "global kept \"lost after a kill\""));
            long stataPid = structured(call(client, "stata_session", Map.of("action", "status")))
                    .at("/sessions/0/pid").asLong();
            List<Long> group = new ProcessGroup(stataPid, Platform.current()).livingMembers();
            assertThat(group).as("Stata and the engine process it leaves behind").hasSizeGreaterThanOrEqualTo(2);

            String id = structured(call(client, "stata_run", Map.of("code", "sleep 60000", "background", true)))
                    .get("job_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(client, id).equals("running"));
            JsonNode cancelled = structured(call(client, "stata_job_cancel", Map.of("job_id", id)));
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            await().atMost(Duration.ofSeconds(5)).until(() -> group.stream()
                    .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));

            McpSchema.CallToolResult after = call(client, "stata_run", Map.of("code", "display \"[$kept]\""));
            assertThat(structured(after).get("status").asText()).isEqualTo("succeeded");
            assertThat(((McpSchema.TextContent) after.content().get(0)).text()).contains("[]");
        }
    }

    @Test
    void twoHundredQueuedJobsFinishInOrderAndTwoServersKeepTheSharedStoreConsistent() throws Exception {
        // Two clients, each with its own server process (as two IDE windows would have), sharing one data folder.
        ServerFixture fixture = new ServerFixture(tmp.resolve("data"));
        List<List<String>> submitted = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        try (McpSyncClient a = fixture.client(null, null); McpSyncClient b = fixture.client(null, null)) {
            List<McpSyncClient> clients = List.of(a, b);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                McpSyncClient client = clients.get(c);
                List<String> ids = submitted.get(c);
                work.add(two.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        ids.add(structured(call(client, "stata_run", Map.of("code", "display " + i, "session", "q",
                                "background", true))).get("job_id").asText());
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            two.shutdown();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    structured(call(a, "stata_jobs", Map.of("session", "q", "status", "succeeded", "limit", 200)))
                            .get("jobs").size() == 200);
            // Either server sees all 200 jobs of both, each with its own result.
            JsonNode jobs = structured(call(b, "stata_jobs", Map.of("session", "q", "limit", 200))).get("jobs");
            Map<String, JsonNode> byId = new java.util.HashMap<>();
            jobs.forEach(j -> byId.put(j.get("job_id").asText(), j));
            assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(submitted.get(0).stream(), submitted.get(1).stream()).toList());
            // Each server ran its own queue first in, first out.
            for (List<String> ids : submitted) {
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(java.time.Instant.parse(byId.get(ids.get(i)).get("started_at").asText()))
                            .as("job %d started after job %d of the same client", i, i - 1)
                            .isAfterOrEqualTo(java.time.Instant.parse(byId.get(ids.get(i - 1)).get("started_at")
                                    .asText()));
                }
            }
            String out = ((McpSchema.TextContent) call(a, "stata_job_result", Map.of("job_id",
                    submitted.get(1).get(57))).content().get(0)).text();
            assertThat(out).contains("57");
        }
    }

    /** The job id of the job now running in the default session. */
    static String awaitRunningJob(McpSyncClient client) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode jobs = structured(call(client, "stata_jobs", Map.of("status", "running"))).get("jobs");
            if (jobs.size() == 1) {
                id[0] = jobs.get(0).get("job_id").asText();
                return true;
            }
            return false;
        });
        return id[0];
    }
}

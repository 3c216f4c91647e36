package dev.statamcp.server.it;

import static dev.statamcp.server.it.ToolResults.call;
import static dev.statamcp.server.it.ToolResults.status;
import static dev.statamcp.server.it.ToolResults.structured;
import static dev.statamcp.server.it.ToolResults.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance across the end of a server: a client that closes stdin mid-job (the server drains, stores
 * the result and exits; a new server returns it), and a server killed with SIGKILL mid-job (the console job is
 * interrupted with its partial log, the detached batch job is re-adopted and its result delivered, and the Stata
 * the dead server left running is stopped).
 */
class RestartIT {
    @TempDir
    Path tmp;

    @Test
    void stdinClosedMidJobDrainsStoresAndExitsAndANewServerReturnsTheResult() throws Exception {
        ServerFixture fixture = new ServerFixture(tmp.resolve("data"));
        ProcessBuilder pb = new ProcessBuilder(fixture.command());
        pb.environment().putAll(fixture.environment());
        pb.redirectError(tmp.resolve("stderr.txt").toFile());
        Process server = pb.start();
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    received.add(Json.parse(line));
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream in = server.getOutputStream()) {
            in.write((String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"stata_run\","
                            + "\"arguments\":{\"code\":\"display \\\"begun\\\"\\nsleep 5000\\ndisplay \\\"drained\\\"\"},"
                            + "\"_meta\":{\"progressToken\":\"t\"}}}") + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .anyMatch(m -> m.path("method").asText().equals("notifications/message")
                            && m.path("params").path("data").asText().contains("begun")));
        } // stdin closed here, mid-job
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server exits after draining").isTrue();
        reader.join(5_000);
        assertThat(server.exitValue()).isZero();
        JsonNode answer = received.stream().filter(m -> m.path("id").asInt(-1) == 1).findFirst().orElseThrow();
        String jobId = answer.at("/result/structuredContent/job_id").asText();
        assertThat(answer.at("/result/structuredContent/status").asText()).as(answer.toString())
                .isEqualTo("succeeded");

        try (McpSyncClient again = fixture.client(null, null)) {
            McpSchema.CallToolResult stored = call(again, "stata_job_result", Map.of("job_id", jobId));
            assertThat(structured(stored).get("status").asText()).isEqualTo("succeeded");
            assertThat(text(stored)).contains("drained");
            assertThat((JsonNode) Json.MAPPER.valueToTree(stored.structuredContent()))
                    .isEqualTo(answer.at("/result/structuredContent"));
        }
    }

    @Test
    void aKilledServersSessionJobIsInterruptedItsBatchJobReadoptedAndItsStataStopped() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path batchFile = Files.writeString(work.resolve("batch job.do"),
                "display \"batch start\"\nsleep 6000\ndisplay \"batch end\"\n");
        ServerFixture fixture = new ServerFixture(tmp.resolve("data")).flag("--workspace", work.toString());
        McpSyncClient client = fixture.client(null, null);
        String sessionJob = structured(call(client, "stata_run", Map.of("code",
                "display \"partial output\"\nsleep 60000", "background", true))).get("job_id").asText();
        String batchJob = structured(call(client, "stata_run_file", Map.of("path", batchFile.toString(), "mode",
                "batch", "background", true))).get("job_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(client, sessionJob).equals("running")
                && status(client, batchJob).equals("running"));
        long stataPid = structured(call(client, "stata_session", Map.of("action", "status")))
                .at("/sessions/0/pid").asLong();
        assertThat(stataPid).isPositive();
        // The server this test started (the launcher execs java, so it is the java process running the jar).
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("stata-mcp.jar"))
                .filter(p -> p.info().commandLine().orElse("").contains(" serve")).findFirst().orElseThrow();
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
        server.onExit().get(10, TimeUnit.SECONDS);
        try {
            client.close();
        } catch (RuntimeException expected) {
            // its server is gone
        }

        try (McpSyncClient again = fixture.client(null, null)) {
            JsonNode interrupted = structured(call(again, "stata_job_status", Map.of("job_id", sessionJob,
                    "tail_lines", 20)));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(again, sessionJob).equals("interrupted"));
            McpSchema.CallToolResult partial = call(again, "stata_job_result", Map.of("job_id", sessionJob));
            assertThat(text(partial)).contains("partial output");
            assertThat(structured(partial).get("reason").asText()).contains("stopped before it ended");

            McpSchema.CallToolResult adopted = call(again, "stata_job_wait", Map.of("job_id", batchJob,
                    "seconds", 60));
            assertThat(structured(adopted).get("status").asText()).as(text(adopted)).isEqualTo("succeeded");
            assertThat(text(adopted)).contains("batch end");

            long pid = stataPid;
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive())
                    .orElse(true));
            assertThat(interrupted.get("job_id").asText()).isEqualTo(sessionJob);
        }
    }

}

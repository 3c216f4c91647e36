package dev.statamcp.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.interop.NodeTests;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.mcp.transport.http.McpHttpHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: an HTTP client (the official TypeScript SDK, {@code node-tests/interop/ts-task-client.mjs}) starts a
 * 10 s run as a task and is killed (SIGKILL) mid-run; a new client process then gets the identical result from
 * {@code tasks/result} and from {@code stata_job_result}.
 */
class TaskAfterClientKilledTest {
    @TempDir
    Path dir;
    StataServerFixture stata;
    HttpServerHost host;
    Process first;

    @AfterEach
    void stop() throws Exception {
        if (first != null && first.isAlive()) {
            first.destroyForcibly();
        }
        if (host != null) {
            host.close();
        }
        if (stata != null) {
            stata.close();
        }
    }

    @Test
    void aNewClientCollectsTheIdenticalResultAfterTheFirstWasKilledMidRun() throws Exception {
        NodeTests.requireInstalled();
        stata = new StataServerFixture(dir);
        host = new HttpServerHost(HttpServerHost.Config.loopback(0));
        host.addHandler(new McpHttpHandler(stata.server));
        host.start();
        String url = "http://127.0.0.1:" + host.port() + "/mcp";

        String code = "display \"started\"\nsleep 10000\ndisplay \"finished after ten seconds\"";
        first = new ProcessBuilder("node", "interop/ts-task-client.mjs", "start", url, code)
                .directory(NodeTests.dir().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        JsonNode created = Json.parse(readLine(lines, 20));
        assertThat(created.path("type").asText()).as(created.toString()).isEqualTo("taskCreated");
        String taskId = created.at("/task/taskId").asText();
        JsonNode polled = Json.parse(readLine(lines, 10));
        assertThat(polled.path("type").asText()).isEqualTo("taskStatus");
        assertThat(polled.at("/task/status").asText()).isEqualTo("working");

        Thread.sleep(2000);
        first.destroyForcibly(); // SIGKILL: no DELETE, no cancel, the connection just drops
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

        NodeTests.Outcome second = NodeTests.run(List.of("interop/ts-task-client.mjs", "collect", url, taskId),
                Map.of(), Duration.ofSeconds(90));
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        JsonNode report = Json.parse(second.stdout().strip());

        assertThat(report.at("/taskBefore/status").asText()).as("the run was still going when the first client died")
                .isEqualTo("working");
        JsonNode viaTasks = report.at("/tasksResult/result");
        JsonNode viaTool = report.at("/jobResult/result");
        assertThat(viaTasks.isObject()).as(report.toString()).isTrue();
        assertThat(viaTasks.at("/_meta/io.modelcontextprotocol~1related-task/taskId").asText()).isEqualTo(taskId);
        ObjectNode comparable = viaTasks.deepCopy();
        ((ObjectNode) comparable.get("_meta")).remove("io.modelcontextprotocol/related-task");
        if (comparable.get("_meta").isEmpty()) {
            comparable.remove("_meta");
        }
        assertThat(Json.write(comparable)).isEqualTo(Json.write(viaTool));
        assertThat(viaTool.at("/structuredContent/status").asText()).isEqualTo("succeeded");
        assertThat(viaTool.at("/content/0/text").asText()).contains("finished after ten seconds");
        assertThat(report.path("listed").toString()).contains(taskId);
        assertThat(report.at("/taskAfter/status").asText()).isEqualTo("completed");
    }

    private static String readLine(BufferedReader lines, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (lines.ready()) {
                String line = lines.readLine();
                if (line != null && !line.isBlank()) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the client printed nothing within " + seconds + " s");
    }
}

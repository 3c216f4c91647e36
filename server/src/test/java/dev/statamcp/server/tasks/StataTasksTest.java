package dev.statamcp.server.tasks;

import static dev.statamcp.server.tasks.StataServerFixture.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task-augmented Stata runs end to end on the emulator, over stdio. */
class StataTasksTest {
    @TempDir
    Path dir;
    StataServerFixture stata;

    @AfterEach
    void stop() throws Exception {
        if (stata != null) {
            stata.close();
        }
    }

    private void start(String capabilities) throws Exception {
        stata = new StataServerFixture(dir);
        stata.stdio(capabilities);
    }

    private String startTask(String code) throws Exception {
        JsonNode created = stata.call("tools/call", "{\"name\":\"stata_run\",\"arguments\":{\"code\":" + quote(code)
                + "},\"task\":{\"ttl\":600000}}");
        assertThat(created.at("/result/task/status").asText()).as(created.toString()).isEqualTo("working");
        return created.at("/result/task/taskId").asText();
    }

    private JsonNode task(String taskId) throws Exception {
        return stata.call("tasks/get", "{\"taskId\":\"" + taskId + "\"}").get("result");
    }

    /** Polls tasks/get until the task leaves {@code working}; fails after {@code seconds}. */
    private JsonNode awaitEnd(String taskId, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode t = task(taskId);
            if (!"working".equals(t.path("status").asText())) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + taskId + " still working after " + seconds + " s");
    }

    private static ObjectNode withoutRelatedTask(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        ObjectNode meta = (ObjectNode) copy.get("_meta");
        meta.remove("io.modelcontextprotocol/related-task");
        if (meta.isEmpty()) {
            copy.remove("_meta");
        }
        return copy;
    }

    @Test
    void aTaskAugmentedRunAnswersAtOnceWorksThenCompletesWithTheStoredResult() throws Exception {
        start("{}");
        long before = System.nanoTime();
        String taskId = startTask("display \"first\"\nsleep 3000\ndisplay \"second\"");
        long answeredMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(answeredMs).as("CreateTaskResult before the 3 s run ends").isLessThan(2500);
        assertThat(taskId).matches("j[0-9a-z]{15}");

        JsonNode working = task(taskId);
        assertThat(working.path("status").asText()).isEqualTo("working");
        assertThat(working.path("statusMessage").asText()).matches("\\d\\d:\\d\\d · .*");
        assertThat(working.path("pollInterval").asLong()).isPositive();
        assertThat(working.has("ttl")).isTrue();

        // The same job through the job tools: it is the job.
        JsonNode status = stata.tool("stata_job_status", "{\"job_id\":\"" + taskId + "\"}");
        assertThat(status.at("/structuredContent/status").asText()).isIn("queued", "running");

        JsonNode ended = awaitEnd(taskId, 30);
        assertThat(ended.path("status").asText()).isEqualTo("completed");
        assertThat(ended.path("statusMessage").asText()).startsWith("succeeded");

        JsonNode viaTasks = stata.call("tasks/result", "{\"taskId\":\"" + taskId + "\"}").get("result");
        assertThat(viaTasks.at("/_meta/io.modelcontextprotocol~1related-task/taskId").asText()).isEqualTo(taskId);
        JsonNode viaTool = stata.tool("stata_job_result", "{\"job_id\":\"" + taskId + "\"}");
        assertThat(withoutRelatedTask(viaTasks)).isEqualTo(viaTool);
        assertThat(viaTool.at("/content/0/text").asText()).contains("first").contains("second");

        JsonNode listed = stata.call("tasks/list", "{}").get("result");
        assertThat(listed.path("tasks").findValuesAsText("taskId")).contains(taskId);
    }

    @Test
    void tasksResultBlocksUntilTheRunEndsAndTheCreatorHearsOfTheEnd() throws Exception {
        start("{}");
        String taskId = startTask("sleep 2000\ndisplay \"done\"");
        int resultId = stata.send("tasks/result", "{\"taskId\":\"" + taskId + "\"}");
        List<JsonNode> seen = new ArrayList<>();
        JsonNode answer = stata.next(m -> {
            if ("notifications/tasks/status".equals(m.path("method").asText())) {
                seen.add(m);
            }
            return m.path("id").asInt() == resultId && !m.has("method");
        });
        assertThat(answer.at("/result/content/0/text").asText()).contains("done");
        JsonNode status = seen.isEmpty() ? stata.next(m -> "notifications/tasks/status".equals(m.path("method").asText()))
                : seen.get(0);
        assertThat(status.at("/params/taskId").asText()).isEqualTo(taskId);
        assertThat(status.at("/params/status").asText()).isEqualTo("completed");
    }

    @Test
    void aStataErrorIsAFailedTaskWhoseResultIsTheErrorResult() throws Exception {
        start("{}");
        String taskId = startTask("display \"before\"\nnosuchcommand");
        JsonNode ended = awaitEnd(taskId, 30);
        assertThat(ended.path("status").asText()).isEqualTo("failed");
        assertThat(ended.path("statusMessage").asText()).startsWith("failed");
        JsonNode viaTasks = stata.call("tasks/result", "{\"taskId\":\"" + taskId + "\"}").get("result");
        assertThat(viaTasks.path("isError").asBoolean()).isTrue();
        JsonNode viaTool = stata.tool("stata_job_result", "{\"job_id\":\"" + taskId + "\"}");
        assertThat(withoutRelatedTask(viaTasks)).isEqualTo(viaTool);
    }

    @Test
    void tasksCancelEndsTheJobCancelledWithinTwoSecondsAndTheSessionWorksAfterwards() throws Exception {
        start("{}");
        String taskId = startTask("display \"going to sleep\"\nsleep 60000");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stata.tool("stata_job_status", "{\"job_id\":\"" + taskId + "\"}").at("/structuredContent/status")
                .asText().equals("running")) {
            assertThat(System.nanoTime()).as("job running within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        long before = System.nanoTime();
        JsonNode cancelled = stata.call("tasks/cancel", "{\"taskId\":\"" + taskId + "\"}");
        long tookMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(cancelled.at("/result/status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
        assertThat(tookMs).as("cancelled within 2 s").isLessThan(2000);
        assertThat(stata.tool("stata_job_status", "{\"job_id\":\"" + taskId + "\"}").at("/structuredContent/status")
                .asText()).isEqualTo("cancelled");
        assertThat(task(taskId).path("status").asText()).isEqualTo("cancelled");

        JsonNode again = stata.call("tasks/cancel", "{\"taskId\":\"" + taskId + "\"}");
        assertThat(again.at("/error/code").asInt()).isEqualTo(-32602);

        JsonNode after = stata.tool("stata_run", "{\"code\":\"display 6*7\"}");
        assertThat(after.path("isError").asBoolean()).isFalse();
        assertThat(after.at("/content/0/text").asText()).contains("42");
    }

    @Test
    void withoutAskingARunIsAnsweredWithItsResultNotATask() throws Exception {
        start("{}");
        JsonNode result = stata.tool("stata_run", "{\"code\":\"display 1+1\"}");
        assertThat(result.has("task")).isFalse();
        assertThat(result.at("/content/0/text").asText()).contains("2");
    }

    @Test
    void toolsWithoutTaskSupportAreMethodNotFoundAsTasksAndRefusedArgumentsAreInvalidParams() throws Exception {
        start("{}");
        JsonNode jobs = stata.call("tools/call", "{\"name\":\"stata_jobs\",\"arguments\":{},\"task\":{}}");
        assertThat(jobs.at("/error/code").asInt()).isEqualTo(-32601);
        JsonNode outside = stata.call("tools/call", "{\"name\":\"stata_run_file\",\"arguments\":{\"path\":"
                + quote("/definitely/not/allowed/x.do") + "},\"task\":{}}");
        assertThat(outside.at("/error/code").asInt()).as(outside.toString()).isEqualTo(-32602);
        assertThat(outside.at("/error/message").asText()).contains("did not start a task");
        assertThat(stata.call("tasks/list", "{}").at("/result/tasks")).isEmpty();
        assertThat(stata.call("tasks/list", "{\"cursor\":\"bogus\"}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(stata.call("tasks/get", "{\"taskId\":\"j000000000000000\"}").at("/error/code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void theExtensionFormMakesATaskAndTasksGetCarriesTheStoredResult() throws Exception {
        start("{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");
        JsonNode created = stata.call("tools/call", "{\"name\":\"stata_run\",\"arguments\":{\"code\":"
                + quote("sleep 1000\ndisplay \"ext\"") + "}}").get("result");
        assertThat(created.path("resultType").asText()).isEqualTo("task");
        String taskId = created.path("taskId").asText();
        assertThat(created.has("ttlMs")).isTrue();
        JsonNode ended = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ended = task(taskId);
            if (!"working".equals(ended.path("status").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(ended.path("resultType").asText()).isEqualTo("complete");
        assertThat(ended.path("status").asText()).isEqualTo("completed");
        JsonNode viaTool = stata.tool("stata_job_result", "{\"job_id\":\"" + taskId + "\"}");
        assertThat(ended.path("result")).isEqualTo(viaTool);
        assertThat(viaTool.at("/content/0/text").asText()).contains("ext");
        assertThat(stata.call("tasks/cancel", "{\"taskId\":\"" + taskId + "\"}").at("/result/resultType").asText())
                .isEqualTo("complete");
    }
}

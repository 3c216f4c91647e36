package dev.statamcp.mcp.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks as the 2025-11-25 revision defines them, over stdio. */
class Tasks2025Test {
    TaskServerFixture server;

    @BeforeEach
    void start() throws Exception {
        server = new TaskServerFixture();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void declaresTheTasksCapabilityAndTheExtension() throws Exception {
        JsonNode init = server.client.initialize("2025-11-25", "{}");
        assertThat(init.at("/capabilities/tasks/list").isObject()).isTrue();
        assertThat(init.at("/capabilities/tasks/cancel").isObject()).isTrue();
        assertThat(init.at("/capabilities/tasks/requests/tools/call").isObject()).isTrue();
        assertThat(init.path("capabilities").path("extensions").path("io.modelcontextprotocol/tasks").isObject()).isTrue();
    }

    @Test
    void aCallWithoutTaskRunsTheToolAndCreatesNoTask() throws Exception {
        server.client.initialize();
        JsonNode answer = server.call("tools/call", "{\"name\":\"long\"}");
        assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("ran directly");
        assertThat(answer.at("/result/task").isMissingNode()).isTrue();
        assertThat(server.backend.started).isEmpty();
    }

    @Test
    void aTaskAugmentedCallIsAnsweredWithATaskThatEndsWithTheStoredResult() throws Exception {
        server.client.initialize();
        JsonNode created = server.call("tools/call", "{\"name\":\"long\",\"arguments\":{\"x\":1},\"task\":{\"ttl\":60000}}");
        JsonNode task = created.at("/result/task");
        assertThat(task.path("taskId").asText()).isEqualTo("t-1");
        assertThat(task.path("status").asText()).isEqualTo("working");
        assertThat(task.path("createdAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(task.path("lastUpdatedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(task.path("ttl").asLong()).isEqualTo(3_600_000L);
        assertThat(task.path("pollInterval").asLong()).isEqualTo(500L);
        assertThat(created.at("/result/_meta/io.modelcontextprotocol~1model-immediate-response").asText())
                .isEqualTo("Started t-1");
        assertThat(created.at("/result/content").isMissingNode()).as("not the tool's own result").isTrue();
        assertThat(server.backend.started).singleElement()
                .satisfies(call -> assertThat(call.arguments().path("x").asInt()).isEqualTo(1));

        JsonNode working = server.call("tasks/get", "{\"taskId\":\"t-1\"}");
        assertThat(working.at("/result/status").asText()).isEqualTo("working");
        assertThat(working.at("/result/statusMessage").asText()).isEqualTo("queued");
        assertThat(working.at("/result/_meta").isMissingNode()).as("no related-task meta on tasks/get").isTrue();

        int resultId = server.send("tasks/result", "{\"taskId\":\"t-1\"}");
        List<JsonNode> early = server.drain(400);
        assertThat(early).as("tasks/result blocks while the task works").noneMatch(m -> m.path("id").asInt() == resultId);

        TaskOutcome.Result stored = FakeTaskBackend.result("the output", false);
        server.backend.end("t-1", TaskStatus.COMPLETED, stored);
        List<JsonNode> both = server.awaitEach(m -> "notifications/tasks/status".equals(m.path("method").asText()),
                m -> m.path("id").asInt() == resultId && !m.has("method"));
        JsonNode status = both.get(0);
        assertThat(status.at("/params/taskId").asText()).isEqualTo("t-1");
        assertThat(status.at("/params/status").asText()).isEqualTo("completed");
        assertThat(status.at("/params/_meta").isMissingNode()).isTrue();

        JsonNode result = both.get(1).get("result");
        ObjectNode expected = stored.result().deepCopy();
        expected.putObject("_meta").putObject("io.modelcontextprotocol/related-task").put("taskId", "t-1");
        assertThat(result).isEqualTo(expected);

        assertThat(server.call("tasks/get", "{\"taskId\":\"t-1\"}").at("/result/status").asText()).isEqualTo("completed");
        assertThat(server.call("tasks/result", "{\"taskId\":\"t-1\"}").get("result")).as("again, at once").isEqualTo(expected);
    }

    @Test
    void aToolErrorMakesTheTaskFailedAndTasksResultReturnsTheErrorResult() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        TaskOutcome.Result stored = FakeTaskBackend.result("r(111) variable not found", true);
        server.backend.end("t-1", TaskStatus.FAILED, stored);
        assertThat(server.call("tasks/get", "{\"taskId\":\"t-1\"}").at("/result/status").asText()).isEqualTo("failed");
        JsonNode result = server.call("tasks/result", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).isEqualTo("r(111) variable not found");
    }

    @Test
    void aJsonRpcErrorOfTheRequestIsWhatTasksResultReturns() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        server.backend.end("t-1", TaskStatus.FAILED, FakeTaskBackend.failure("the result was lost"));
        JsonNode answer = server.call("tasks/result", "{\"taskId\":\"t-1\"}");
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(answer.at("/error/message").asText()).contains("the result was lost");
    }

    @Test
    void cancellingAWorkingTaskAnswersWithTheTaskCancelledAndATerminalOneIsRefused() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        JsonNode cancelled = server.call("tasks/cancel", "{\"taskId\":\"t-1\"}");
        assertThat(cancelled.at("/result/taskId").asText()).isEqualTo("t-1");
        assertThat(cancelled.at("/result/status").asText()).isEqualTo("cancelled");
        assertThat(server.backend.cancelled).containsExactly("t-1");

        JsonNode again = server.call("tasks/cancel", "{\"taskId\":\"t-1\"}");
        assertThat(again.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(again.at("/error/message").asText()).contains("terminal status 'cancelled'");
        assertThat(server.backend.cancelled).containsExactly("t-1");
    }

    @Test
    void aTaskThatEndsOtherwiseBeforeTheCancelTakesEffectIsNotReportedCancelled() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        server.backend.cancelEndsAsCompleted = true;
        JsonNode answer = server.call("tasks/cancel", "{\"taskId\":\"t-1\"}");
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(answer.at("/error/message").asText()).contains("'completed'");
    }

    @Test
    void unknownTasksAreInvalidParams() throws Exception {
        server.client.initialize();
        for (String method : List.of("tasks/get", "tasks/result", "tasks/cancel")) {
            JsonNode answer = server.call(method, "{\"taskId\":\"nope\"}");
            assertThat(answer.at("/error/code").asInt()).as(method).isEqualTo(-32602);
            assertThat(answer.at("/error/message").asText()).as(method).contains("Task not found");
        }
        assertThat(server.call("tasks/get", "{}").at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void tasksListPagesWithAnOpaqueCursorAndRefusesAForeignOne() throws Exception {
        server.client.initialize();
        for (int i = 0; i < 3; i++) {
            server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        }
        JsonNode first = server.call("tasks/list", "{}").get("result");
        assertThat(first.path("tasks")).hasSize(2);
        assertThat(first.at("/tasks/0/taskId").asText()).isEqualTo("t-1");
        assertThat(first.at("/tasks/0/status").asText()).isEqualTo("working");
        String cursor = first.path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        JsonNode second = server.call("tasks/list", "{\"cursor\":\"" + cursor + "\"}").get("result");
        assertThat(second.path("tasks")).hasSize(1);
        assertThat(second.at("/tasks/0/taskId").asText()).isEqualTo("t-3");
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(server.call("tasks/list", "{\"cursor\":\"bogus\"}").at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void toolsThatDoNotAllowTasksAreMethodNotFoundAsTasksAndRequiredOnesWithout() throws Exception {
        server.client.initialize();
        for (String tool : List.of("plain", "forbidden")) {
            JsonNode answer = server.call("tools/call", "{\"name\":\"" + tool + "\",\"task\":{}}");
            assertThat(answer.at("/error/code").asInt()).as(tool).isEqualTo(-32601);
        }
        assertThat(server.call("tools/call", "{\"name\":\"must\"}").at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(server.call("tools/call", "{\"name\":\"must\",\"task\":{}}").at("/result/task/taskId").asText())
                .isEqualTo("t-1");
        assertThat(server.call("tools/call", "{\"name\":\"plain\"}").at("/result/content/0/text").asText())
                .isEqualTo("plain ran");
    }

    @Test
    void aMalformedTaskParamOrARefusedStartIsInvalidParams() throws Exception {
        server.client.initialize();
        assertThat(server.call("tools/call", "{\"name\":\"long\",\"task\":5}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(server.call("tools/call", "{\"name\":\"long\",\"task\":{\"ttl\":\"soon\"}}").at("/error/code").asInt())
                .isEqualTo(-32602);
        server.backend.refuse = true;
        JsonNode refused = server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(refused.at("/error/message").asText()).contains("outside the allowed folders");
        assertThat(refused.at("/error/data/isError").asBoolean()).isTrue();
    }

    @Test
    void cancellingAWaitingTasksResultLeavesTheTaskRunning() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        int resultId = server.send("tasks/result", "{\"taskId\":\"t-1\"}");
        server.drain(200);
        server.client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                + resultId + "}}");
        assertThat(server.drain(400)).noneMatch(m -> m.path("id").asInt() == resultId);
        assertThat(server.backend.cancelled).isEmpty();
        assertThat(server.call("tasks/get", "{\"taskId\":\"t-1\"}").at("/result/status").asText()).isEqualTo("working");
    }

    @Test
    void tasksUpdateBelongsToTheExtension() throws Exception {
        server.client.initialize();
        server.call("tools/call", "{\"name\":\"long\",\"task\":{}}");
        JsonNode answer = server.call("tasks/update", "{\"taskId\":\"t-1\",\"inputResponses\":{}}");
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32021);
        assertThat(answer.at("/error/data/requiredCapabilities/extensions").has("io.modelcontextprotocol/tasks")).isTrue();
    }
}

package dev.statamcp.mcp.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The io.modelcontextprotocol/tasks extension form, declared at initialize or per request, over stdio. */
class TasksExtensionTest {
    static final String DECLARED = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
    static final String PER_REQUEST_META = "\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":"
            + "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}";
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
    void aSessionThatDeclaresTheExtensionGetsAFlatTaskWithoutAskingPerCall() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        JsonNode created = server.call("tools/call", "{\"name\":\"long\"}").get("result");
        assertThat(created.path("resultType").asText()).isEqualTo("task");
        assertThat(created.path("taskId").asText()).isEqualTo("t-1");
        assertThat(created.path("status").asText()).isEqualTo("working");
        assertThat(created.path("ttlMs").asLong()).isEqualTo(3_600_000L);
        assertThat(created.path("pollIntervalMs").asLong()).isEqualTo(500L);
        assertThat(created.has("task")).isFalse();
        assertThat(created.has("ttl")).isFalse();
        assertThat(created.has("content")).isFalse();
    }

    @Test
    void aPerRequestDeclarationMakesATaskForThatRequestOnly() throws Exception {
        server.client.initialize();
        JsonNode created = server.call("tools/call", "{\"name\":\"long\"," + PER_REQUEST_META + "}").get("result");
        assertThat(created.path("resultType").asText()).isEqualTo("task");
        JsonNode plain = server.call("tools/call", "{\"name\":\"long\"}").get("result");
        assertThat(plain.at("/content/0/text").asText()).isEqualTo("ran directly");
        assertThat(plain.has("resultType")).isFalse();
        assertThat(server.backend.started).hasSize(1);
    }

    @Test
    void tasksGetCarriesTheResultOnceEndedAndAToolErrorIsCompletedNotFailed() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        server.call("tools/call", "{\"name\":\"long\"}");
        JsonNode working = server.call("tasks/get", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(working.path("resultType").asText()).isEqualTo("complete");
        assertThat(working.path("status").asText()).isEqualTo("working");
        assertThat(working.has("result")).isFalse();
        assertThat(working.path("ttlMs").asLong()).isEqualTo(3_600_000L);

        TaskOutcome.Result stored = FakeTaskBackend.result("r(198) invalid syntax", true);
        server.backend.end("t-1", TaskStatus.FAILED, stored);
        JsonNode ended = server.call("tasks/get", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(ended.path("status").asText()).isEqualTo("completed");
        assertThat(ended.path("result")).isEqualTo(stored.result());
        assertThat(ended.has("error")).isFalse();
    }

    @Test
    void aJsonRpcErrorIsFailedWithTheErrorInline() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        server.call("tools/call", "{\"name\":\"long\"}");
        server.backend.end("t-1", TaskStatus.FAILED, FakeTaskBackend.failure("the result was lost"));
        JsonNode ended = server.call("tasks/get", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(ended.path("status").asText()).isEqualTo("failed");
        assertThat(ended.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(ended.has("result")).isFalse();
    }

    @Test
    void tasksCancelIsAnEmptyAcknowledgementAndTheTaskEndsCancelled() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        server.call("tools/call", "{\"name\":\"long\"}");
        JsonNode ack = server.call("tasks/cancel", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(ack).isEqualTo(dev.statamcp.mcp.jsonrpc.Json.object().put("resultType", "complete"));
        assertThat(server.backend.cancelled).containsExactly("t-1");
        JsonNode after = server.call("tasks/get", "{\"taskId\":\"t-1\"}").get("result");
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.has("result")).isFalse();
        // Ended already: still acknowledged, nothing more is stopped.
        assertThat(server.call("tasks/cancel", "{\"taskId\":\"t-1\"}").at("/result/resultType").asText()).isEqualTo("complete");
        assertThat(server.backend.cancelled).containsExactly("t-1");
        assertThat(server.call("tasks/cancel", "{\"taskId\":\"nope\"}").at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void tasksUpdateIsAcknowledgedForAKnownTask() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        server.call("tools/call", "{\"name\":\"long\"}");
        assertThat(server.call("tasks/update", "{\"taskId\":\"t-1\",\"inputResponses\":{\"x\":{}}}").at("/result/resultType")
                .asText()).isEqualTo("complete");
        assertThat(server.call("tasks/update", "{\"taskId\":\"nope\",\"inputResponses\":{}}").at("/error/code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void toolsThatCannotRunAsTasksAnswerNormallyAndARefusalIsTheToolsOwnResult() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        for (String tool : List.of("plain", "forbidden")) {
            JsonNode answer = server.call("tools/call", "{\"name\":\"" + tool + "\"}").get("result");
            assertThat(answer.at("/content/0/text").asText()).as(tool).isEqualTo(tool + " ran");
        }
        server.backend.refuse = true;
        JsonNode refused = server.call("tools/call", "{\"name\":\"long\"}").get("result");
        assertThat(refused.path("isError").asBoolean()).isTrue();
        assertThat(refused.at("/content/0/text").asText()).contains("outside the allowed folders");
        assertThat(refused.has("resultType")).isFalse();
    }

    @Test
    void noStatusNotificationsWithoutASubscription() throws Exception {
        server.client.initialize("2025-11-25", DECLARED);
        server.call("tools/call", "{\"name\":\"long\"}");
        server.call("tasks/get", "{\"taskId\":\"t-1\"}");
        server.backend.end("t-1", TaskStatus.COMPLETED, FakeTaskBackend.result("ok", false));
        assertThat(server.drain(400)).noneMatch(m -> m.path("method").asText().startsWith("notifications/tasks"));
    }
}

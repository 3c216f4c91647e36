package dev.statamcp.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallContextTest {
    private final List<ObjectNode> sent = new ArrayList<>();
    private final MessageChannel channel = new MessageChannel() {
        @Override
        public void send(ObjectNode message) {
            sent.add(message);
        }

        @Override
        public void complete(ObjectNode response) {
        }
    };

    private CallContext context(String params) {
        McpSession session = new McpSession("s", channel);
        return new CallContext(session, channel, IntNode.valueOf(1), "tools/call", (ObjectNode) Json.parse(params));
    }

    @Test
    void progressMustIncreaseAndStopsAfterCancel() {
        CallContext ctx = context("{\"_meta\":{\"progressToken\":7}}");
        ctx.progress(0, 10.0, "start");
        ctx.progress(0, 10.0, "same again");
        ctx.progress(5, 10.0, null);
        ctx.progress(4, 10.0, "backwards");
        ctx.progress(5.5, null, "fraction");
        ctx.cancel("stop");
        ctx.progress(9, 10.0, "after cancel");
        assertThat(sent).extracting(m -> m.at("/params/progress").asDouble()).containsExactly(0.0, 5.0, 5.5);
        assertThat(sent.get(0).at("/params/progressToken").asInt()).isEqualTo(7);
        assertThat(sent.get(0).at("/params/message").asText()).isEqualTo("start");
        assertThat(sent.get(1).has("message")).isFalse();
    }

    @Test
    void withoutTokenProgressIsANoOp() {
        CallContext ctx = context("{}");
        ctx.progress(1, 2.0, "x");
        assertThat(sent).isEmpty();
        assertThat(ctx.progressToken()).isNull();
    }

    @Test
    void cancelCallbacksRunOnceAndLateRegistrationRunsAtOnce() {
        CallContext ctx = context("{}");
        List<String> calls = new ArrayList<>();
        ctx.onCancel(() -> calls.add("early"));
        ctx.cancel("a");
        ctx.cancel("b");
        ctx.onCancel(() -> calls.add("late"));
        assertThat(calls).containsExactly("early", "late");
        assertThat(ctx.cancelReason()).isEqualTo("a");
    }
}

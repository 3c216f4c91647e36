package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;

/** One initialized MCP connection the benchmark drives: send a request, get its response. */
public interface McpClient extends Closeable {

    /** Sends a request (already rendered as JSON text, with the given id) and waits for its response. */
    JsonNode call(String requestJson, String idText) throws IOException;

    /** Calls the no-op tool once and checks the answer, so a benchmark never times a wrong answer. */
    default void callNoop(long id) throws IOException {
        JsonNode response = call(JsonRpc.noopCall(id), Long.toString(id));
        if (!JsonRpc.isNoopAnswer(response)) {
            throw new RpcException("the no-op tool answered something else: " + response);
        }
    }

    @Override
    void close() throws IOException;
}

package dev.statamcp.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.HttpMcpClient;
import java.io.IOException;

/**
 * One client's MCP session over Streamable HTTP, on a keep-alive connection of its own, with the latency of every
 * tool call recorded by tool. A call that gets no answer within the connection's read timeout
 * ({@value #ANSWER_SECONDS} s) fails; the next one opens a new connection in the same MCP session.
 */
final class SoakSession implements AutoCloseable {
    /** The read timeout {@link HttpMcpClient} sets: far above any call of the mix (the longest waits 30 s). */
    static final int ANSWER_SECONDS = 60;

    private final HttpMcpClient client;
    private final ClientTally tally;
    private long nextId = 1;

    private SoakSession(HttpMcpClient client, ClientTally tally) {
        this.client = client;
        this.tally = tally;
    }

    static SoakSession open(int port, ClientTally tally) throws IOException {
        return new SoakSession(HttpMcpClient.initialize("127.0.0.1", port, "/mcp"), tally);
    }

    /** Calls a tool and returns its result, which may itself say isError; no answer or a JSON-RPC error throws. */
    JsonNode call(String tool, ObjectNode arguments) throws IOException {
        long id = nextId++;
        ObjectNode request = Tools.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id)
                .put("method", "tools/call");
        request.putObject("params").put("name", tool).set("arguments", arguments);
        String json = Tools.MAPPER.writeValueAsString(request);
        long start = System.nanoTime();
        JsonNode response = client.call(json, Long.toString(id));
        tally.latency(tool, System.nanoTime() - start);
        return response.path("result");
    }

    @Override
    public void close() {
        client.close();
    }
}

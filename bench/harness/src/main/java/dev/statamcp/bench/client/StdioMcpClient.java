package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A single-threaded MCP client on a server's stdin/stdout: write one line, read lines until the answer with the same
 * id comes back. No extra thread sits between the pipe and the timer, so the client adds as little as it can; the
 * caller guards against a hung server by killing the process (which ends the read).
 */
public final class StdioMcpClient implements McpClient {
    private final OutputStream toServer;
    private final LineReader fromServer;

    private StdioMcpClient(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        this.fromServer = new LineReader(fromServer, 16 * 1024 * 1024);
    }

    /** Connects to a started server and runs the MCP handshake. */
    public static StdioMcpClient initialize(OutputStream toServer, InputStream fromServer) throws IOException {
        StdioMcpClient client = new StdioMcpClient(toServer, fromServer);
        JsonNode result = client.call(JsonRpc.initialize(0), "0").path("result");
        if (!result.has("protocolVersion")) {
            throw new RpcException("initialize was not answered with a result: " + result);
        }
        client.send(JsonRpc.initialized());
        return client;
    }

    /** Sends one line as it is. */
    public void send(String json) throws IOException {
        toServer.write(JsonRpc.utf8(json + "\n"));
        toServer.flush();
    }

    @Override
    public JsonNode call(String requestJson, String idText) throws IOException {
        send(requestJson);
        while (true) {
            LineReader.Line line = fromServer.next();
            if (line == null) {
                throw new RpcException("the server closed its output before answering " + requestJson);
            }
            JsonNode message = JsonRpc.parse(line.bytes());
            if (idText.equals(JsonRpc.idText(message)) && !message.has("method")) {
                if (message.has("error")) {
                    throw new RpcException("the server answered with an error: " + message);
                }
                return message;
            }
            // A notification or a server request: not what is being timed; skip it.
        }
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}

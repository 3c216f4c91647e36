package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One stdio connection shared by several caller threads, as when an assistant runs tool calls in parallel: requests
 * are written under a lock, a reader thread hands each answer to the caller waiting for its id.
 */
public final class SharedStdioMcpClient implements McpClient {
    private final OutputStream toServer;
    private final LineReader fromServer;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile IOException failure;

    private SharedStdioMcpClient(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        this.fromServer = new LineReader(fromServer, 16 * 1024 * 1024);
        this.reader = new Thread(this::readLoop, "stdio-reader");
        this.reader.setDaemon(true);
    }

    public static SharedStdioMcpClient initialize(OutputStream toServer, InputStream fromServer) throws IOException {
        SharedStdioMcpClient client = new SharedStdioMcpClient(toServer, fromServer);
        client.reader.start();
        JsonNode result = client.call(JsonRpc.initialize("init"), "\"init\"").path("result");
        if (!result.has("protocolVersion")) {
            throw new RpcException("initialize was not answered with a result: " + result);
        }
        client.write(JsonRpc.initialized());
        return client;
    }

    private void write(String json) throws IOException {
        byte[] bytes = JsonRpc.utf8(json + "\n");
        synchronized (toServer) {
            toServer.write(bytes);
            toServer.flush();
        }
    }

    @Override
    public JsonNode call(String requestJson, String idText) throws IOException {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(idText, answer);
        if (failure != null) {
            throw failure;
        }
        write(requestJson);
        try {
            JsonNode message = answer.get(60, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new RpcException("the server answered with an error: " + message);
            }
            return message;
        } catch (ExecutionException e) {
            throw new RpcException("no answer to " + requestJson, e.getCause());
        } catch (TimeoutException e) {
            throw new RpcException("no answer within 60 s to " + requestJson);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for " + requestJson);
        } finally {
            waiting.remove(idText);
        }
    }

    private void readLoop() {
        try {
            LineReader.Line line;
            while ((line = fromServer.next()) != null) {
                JsonNode message = JsonRpc.parse(line.bytes());
                if (!message.has("method")) {
                    CompletableFuture<JsonNode> answer = waiting.get(JsonRpc.idText(message));
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            failure = new RpcException("the server closed its output");
        } catch (IOException e) {
            failure = e;
        }
        waiting.values().forEach(f -> f.completeExceptionally(failure));
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}

package dev.statamcp.mcp.transport.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs a {@link StdioTransport} on pipes so a test can write lines and read what the server answers. */
public final class StdioHarness implements AutoCloseable {
    public final StdioTransport transport;
    private final OutputStream toServer;
    private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();
    private final Thread loop;
    public volatile boolean endOfInputSeen;

    public StdioHarness(McpServer server) throws IOException {
        this(server, () -> { });
    }

    public StdioHarness(McpServer server, Runnable drain) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        transport = new StdioTransport(server, serverIn, serverOut).onEndOfInput(() -> {
            endOfInputSeen = true;
            drain.run();
        });
        loop = new Thread(() -> {
            try {
                transport.run();
                serverOut.close();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "stdio-loop");
        loop.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    fromServer.add(line);
                }
            } catch (IOException ignored) {
                // pipe closed
            }
        }, "stdio-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public void send(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The next line the server writes, parsed; fails after 5 s. */
    public JsonNode next() throws InterruptedException {
        String line = fromServer.poll(5, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the server wrote nothing within 5 s");
        }
        return Json.parse(line);
    }

    /** The next message matching {@code filter}, skipping others; fails after 5 s. */
    public JsonNode next(Predicate<JsonNode> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String line = fromServer.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                JsonNode node = Json.parse(line);
                if (filter.test(node)) {
                    return node;
                }
            }
        }
        throw new AssertionError("no matching message within 5 s");
    }

    /** The response to request {@code id}. */
    public JsonNode response(int id) throws InterruptedException {
        return next(node -> node.path("id").asInt(-1) == id && !node.has("method"));
    }

    public String poll(long millis) throws InterruptedException {
        return fromServer.poll(millis, TimeUnit.MILLISECONDS);
    }

    public void initialize() throws Exception {
        initialize("2025-11-25");
    }

    public void initialize(String version) throws Exception {
        initialize(version, "{}");
    }

    /** Initializes with the given client capabilities (a JSON object); returns the initialize result. */
    public JsonNode initialize(String version, String capabilities) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":" + capabilities + ",\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
        JsonNode answer = response(0);
        if (!answer.has("result")) {
            throw new AssertionError("initialize failed: " + answer);
        }
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return answer.get("result");
    }

    public void closeInput() throws IOException {
        toServer.close();
    }

    public void join(long millis) throws InterruptedException {
        loop.join(millis);
    }

    public boolean loopAlive() {
        return loop.isAlive();
    }

    @Override
    public void close() throws Exception {
        toServer.close();
        loop.join(5000);
    }
}

package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A small, strictly correct JSON-RPC 2.0 server with a no-op tool, for testing the fuzzer itself: run clean it must
 * give no finding at all; run with {@code --fault NAME} it misbehaves in one way the fuzzer must catch.
 *
 * <p>Usage: {@code --stdio [--fault F]} or {@code --http PORT [--fault F]}.
 */
public final class ReferenceServer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(NODES)
            .build();

    private final String fault;
    private final java.util.concurrent.ScheduledExecutorService later =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private int handled;

    private ReferenceServer(String fault) {
        this.fault = fault;
    }

    public static void main(String[] args) throws IOException {
        String fault = args.length >= 3 && args[args.length - 2].equals("--fault") ? args[args.length - 1] : "none";
        ReferenceServer server = new ReferenceServer(fault);
        if (args[0].equals("--stdio")) {
            server.stdio(System.in, System.out);
        } else {
            server.http(Integer.parseInt(args[1]));
        }
    }

    private void stdio(InputStream in, PrintStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            String answer = answer(bytes);
            if (fault.equals("junk-stdout") && ++handled % 50 == 0) {
                write(out, "debug: handled " + handled + " messages");
            }
            if (answer != null && fault.equals("slow-calls") && answer.contains("\"text\":\"ok\"")) {
                // Answers tool calls 400 ms late, after the pings that follow them: correct, only slow.
                later.schedule(() -> write(out, answer), 400, java.util.concurrent.TimeUnit.MILLISECONDS);
            } else if (answer != null) {
                write(out, answer);
            }
        }
    }

    private static void write(PrintStream out, String answer) {
        synchronized (out) {
            out.print(answer + "\n");
            out.flush();
        }
    }

    private void http(int port) throws IOException {
        // Without it the JDK server's small writes wait for delayed ACKs (40 ms a message).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/mcp", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer = answer(body);
            if (fault.equals("500-on-batch") && body.length > 0 && body[0] == '[') {
                exchange.sendResponseHeaders(500, -1);
            } else if (answer == null) {
                exchange.sendResponseHeaders(202, -1);
            } else {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Mcp-Session-Id", "reference");
                exchange.sendResponseHeaders(answer.startsWith("{") && answer.contains("\"id\":null") ? 400 : 200,
                        bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** The answer to one message, or null when there is none (notifications, responses). */
    String answer(byte[] bytes) {
        JsonNode message;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            if (isBlank(bytes)) {
                return null;
            }
            message = MAPPER.readTree(bytes);
        } catch (CharacterCodingException e) {
            return failOrError(-32700, "Parse error: not UTF-8");
        } catch (IOException | RuntimeException e) {
            if (fault.equals("hang-on-deep") && String.valueOf(e.getMessage()).contains("nesting depth")) {
                sleepForever();
            }
            return failOrError(-32700, "Parse error");
        }
        if (message.isArray()) {
            if (message.isEmpty()) {
                return error(NODES.nullNode(), -32600, "empty batch").toString();
            }
            ArrayNode answers = NODES.arrayNode();
            for (JsonNode element : message) {
                ObjectNode answer = handle(element);
                if (answer != null) {
                    answers.add(answer);
                }
            }
            return answers.isEmpty() ? null : answers.toString();
        }
        ObjectNode answer = handle(message);
        return answer == null ? null : answer.toString();
    }

    private String failOrError(int code, String text) {
        if (fault.equals("die-on-invalid")) {
            System.exit(3);
        }
        return error(NODES.nullNode(), code, text).toString();
    }

    private ObjectNode handle(JsonNode message) {
        if (!message.isObject()) {
            return error(NODES.nullNode(), -32600, "not an object");
        }
        JsonNode id = message.get("id");
        boolean hasId = message.has("id");
        boolean validId = id != null && (id.isTextual() || id.isNumber());
        JsonNode method = message.get("method");
        if (method == null && (message.has("result") || message.has("error"))) {
            return null;
        }
        if (hasId && !validId) {
            return error(NODES.nullNode(), -32600, "invalid id");
        }
        if (!"2.0".equals(message.path("jsonrpc").textValue()) || method == null || !method.isTextual()) {
            return drop() ? null : error(hasId ? id : NODES.nullNode(), -32600, "invalid request");
        }
        if (!hasId) {
            return null;
        }
        JsonNode answerId = fault.equals("wrong-id") && id.isNumber() ? NODES.numberNode(id.asDouble()) : id;
        JsonNode params = message.get("params");
        switch (method.textValue()) {
            case "ping":
                return result(answerId, NODES.objectNode());
            case "initialize":
                return result(answerId, NODES.objectNode().put("protocolVersion", "2025-06-18"));
            case "tools/list":
                ObjectNode list = NODES.objectNode();
                list.putArray("tools").addObject().put("name", "noop").putObject("inputSchema").put("type", "object");
                return result(answerId, list);
            case "tools/call":
                if (params != null && params.isObject() && "noop".equals(params.path("name").textValue())
                        && (!params.has("arguments") || params.get("arguments").isObject())) {
                    ObjectNode content = NODES.objectNode();
                    content.putArray("content").addObject().put("type", "text").put("text", "ok");
                    return result(answerId, content);
                }
                return drop() ? null : error(answerId, -32602, "invalid params");
            default:
                return drop() ? null : error(answerId, -32601, "method not found");
        }
    }

    private boolean drop() {
        return fault.equals("drop-invalid");
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode answer = NODES.objectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(JsonNode id, int code, String text) {
        ObjectNode answer = NODES.objectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.putObject("error").put("code", code).put("message", text);
        return answer;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;

/** Structured messages: valid ones, and valid ones with one thing wrong. */
final class Templates {
    private static final JsonNodeFactory NODES = MessageGenerator.nodes();
    private static final List<String> VALID_REQUESTS = List.of("ping", "tools/list", "tools/call", "tools/call",
            "tools/call", "resources/list", "prompts/list", "resources/templates/list");

    private Templates() {
    }

    static ObjectNode request(JsonNode id, String method) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.put("method", method);
        return message;
    }

    static ObjectNode noopCall(JsonNode id) {
        ObjectNode message = request(id, "tools/call");
        message.putObject("params").put("name", "noop").putObject("arguments");
        return message;
    }

    static boolean isNoopCall(ObjectNode message) {
        return message.path("method").asText().equals("tools/call")
                && message.path("params").path("name").asText().equals("noop")
                && message.path("params").path("arguments").isObject()
                && message.path("params").path("arguments").isEmpty();
    }

    static ObjectNode notification(String method) {
        return NODES.objectNode().put("jsonrpc", "2.0").put("method", method);
    }

    /** A valid request (mostly) or notification. */
    static ObjectNode valid(SplittableRandom random, MessageGenerator.Ids ids) {
        if (random.nextInt(6) == 0) {
            ObjectNode message = notification(random.nextBoolean() ? "notifications/initialized"
                    : "notifications/roots/list_changed");
            return message;
        }
        String method = VALID_REQUESTS.get(random.nextInt(VALID_REQUESTS.size()));
        return method.equals("tools/call") ? noopCall(ids.next(random)) : request(ids.next(random), method);
    }

    /** Anything valid-looking, as material for mutations. */
    static ObjectNode any(SplittableRandom random, MessageGenerator.Ids ids) {
        return random.nextInt(4) == 0 ? misuse(random, ids) : valid(random, ids);
    }

    static ObjectNode withId(SplittableRandom random, JsonNode id) {
        return random.nextBoolean() ? request(id, "ping") : noopCall(id);
    }

    /** A valid message with one member of the wrong type, or missing. */
    static ObjectNode wrongTypes(SplittableRandom random, MessageGenerator.Ids ids) {
        ObjectNode message = noopCall(ids.next(random));
        JsonNode odd = oddValue(random);
        switch (random.nextInt(8)) {
            case 0 -> message.set("jsonrpc", random.nextBoolean() ? odd : NODES.textNode("1.0"));
            case 1 -> message.set("method", odd);
            case 2 -> message.set("id", odd);
            case 3 -> message.set("params", odd);
            case 4 -> ((ObjectNode) message.get("params")).set("name", odd);
            case 5 -> ((ObjectNode) message.get("params")).set("arguments", odd);
            case 6 -> message.remove(random.nextBoolean() ? "jsonrpc" : "method");
            default -> ((ObjectNode) message.get("params")).remove("name");
        }
        return message;
    }

    private static JsonNode oddValue(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(2.0);
            case 1 -> NODES.nullNode();
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.arrayNode().add(1).add("two");
            case 4 -> NODES.objectNode().put("a", 1);
            case 5 -> NODES.textNode("");
            case 6 -> NODES.numberNode(-7);
            case 7 -> NODES.numberNode(1.5);
            default -> NODES.textNode("x".repeat(1 + random.nextInt(300)));
        };
    }

    static ObjectNode unknownMethod(SplittableRandom random, MessageGenerator.Ids ids) {
        String method = switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "rpc.discover";
            case 3 -> "tools/call/";
            case 4 -> "TOOLS/CALL";
            case 5 -> "m".repeat(10_000);
            case 6 -> "tools/\u0000call";
            case 7 -> "notifications/unknown";
            case 8 -> "ping ";
            default -> randomName(random);
        };
        ObjectNode message = request(ids.next(random), method);
        if (random.nextBoolean()) {
            message.putObject("params").put("x", random.nextInt());
        }
        return message;
    }

    private static String randomName(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            name.appendCodePoint(random.nextInt(8) == 0 ? 0x80 + random.nextInt(0x2000) : 0x21 + random.nextInt(94));
        }
        return name.toString();
    }

    static ArrayNode batch(SplittableRandom random, MessageGenerator.Ids ids) {
        ArrayNode batch = NODES.arrayNode();
        int shape = random.nextInt(7);
        if (shape == 0) {
            return batch;
        }
        int size = shape == 6 ? 100 : 1 + random.nextInt(10);
        JsonNode repeated = ids.next(random);
        for (int i = 0; i < size; i++) {
            switch (shape) {
                case 1 -> batch.add(noopCall(ids.next(random)));
                case 2 -> batch.add(random.nextBoolean() ? valid(random, ids) : wrongTypes(random, ids));
                case 3 -> batch.add(random.nextBoolean() ? NODES.numberNode(i) : NODES.arrayNode().add(valid(random,
                        ids)));
                case 4 -> batch.add(notification("notifications/initialized"));
                case 5 -> batch.add(request(repeated, "ping"));
                default -> batch.add(valid(random, ids));
            }
        }
        return batch;
    }

    static ObjectNode notification(SplittableRandom random, MessageGenerator.Ids ids) {
        String method = switch (random.nextInt(4)) {
            case 0 -> "notifications/initialized";
            case 1 -> "notifications/cancelled";
            case 2 -> "notifications/progress";
            default -> "notifications/roots/list_changed";
        };
        ObjectNode message = notification(method);
        if (random.nextInt(3) > 0) {
            message.set("id", ids.next(random));
        }
        ObjectNode params = message.putObject("params");
        switch (random.nextInt(4)) {
            case 0 -> params.set("requestId", oddValue(random));
            case 1 -> params.put("requestId", "fz-never-sent").put("reason", "fuzz");
            case 2 -> params.set("progressToken", oddValue(random));
            default -> message.set("params", oddValue(random));
        }
        return message;
    }

    static ObjectNode response(SplittableRandom random, MessageGenerator.Ids ids) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", random.nextInt(5) == 0 ? NODES.nullNode() : ids.next(random));
        switch (random.nextInt(4)) {
            case 0 -> message.putObject("result");
            case 1 -> message.putObject("error").put("code", -32000).put("message", "fuzz");
            case 2 -> {
                message.putObject("result");
                message.putObject("error").put("code", 1).put("message", "both");
            }
            default -> message.set("error", oddValue(random));
        }
        return message;
    }

    /** MCP methods called with the wrong params. */
    static ObjectNode misuse(SplittableRandom random, MessageGenerator.Ids ids) {
        JsonNode id = ids.next(random);
        return switch (random.nextInt(8)) {
            case 0 -> {
                ObjectNode message = noopCall(id);
                ((ObjectNode) message.get("params")).putObject("arguments").put("unexpected", "value");
                yield message;
            }
            case 1 -> {
                ObjectNode message = noopCall(id);
                ((ObjectNode) message.get("params")).put("name", "no-such-tool");
                yield message;
            }
            case 2 -> {
                ObjectNode message = request(id, "initialize");
                message.putObject("params").put("protocolVersion", random.nextBoolean() ? "1999-01-01" : "");
                yield message;
            }
            case 3 -> {
                ObjectNode message = request(id, "initialize");
                message.putObject("params").put("protocolVersion", 20250618).put("capabilities", "none");
                yield message;
            }
            case 4 -> {
                ObjectNode message = noopCall(id);
                ((ObjectNode) message.get("params")).putObject("_meta").set("progressToken", oddValue(random));
                yield message;
            }
            case 5 -> {
                ObjectNode message = request(id, "resources/read");
                message.putObject("params").put("uri", "file:///etc/passwd");
                yield message;
            }
            case 6 -> {
                ObjectNode message = request(id, "prompts/get");
                message.putObject("params").set("name", oddValue(random));
                yield message;
            }
            default -> {
                ObjectNode message = request(id, "tools/list");
                message.putObject("params").set("cursor", oddValue(random));
                yield message;
            }
        };
    }
}

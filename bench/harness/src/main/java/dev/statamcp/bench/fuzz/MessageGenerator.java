package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes fuzz messages from a seed. Message {@code n} depends only on the seed and {@code n}, so any failure can be
 * replayed alone ({@code --seed S --from n --messages 1}).
 */
public final class MessageGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TOTAL_WEIGHT = FuzzCategory.totalWeight();

    private final long seed;
    private final int maxOversizeBytes;

    /** @param maxOversizeBytes the largest oversized message; at least 1 MiB is sent in that category */
    public MessageGenerator(long seed, int maxOversizeBytes) {
        this.seed = seed;
        this.maxOversizeBytes = Math.max(maxOversizeBytes, 1 << 20);
    }

    public FuzzMessage generate(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        FuzzCategory category = FuzzCategory.pick(random.nextInt(TOTAL_WEIGHT));
        Ids ids = new Ids(index);
        return switch (category) {
            case VALID -> valid(index, random, ids);
            case BROKEN_JSON -> message(index, category, Text.brokenJson(text(Templates.any(random, ids)), random));
            case WRONG_TYPES -> message(index, category, text(Templates.wrongTypes(random, ids)));
            case HUGE_IDS -> message(index, category, text(Templates.withId(random, hugeId(random))));
            case DEEP_NESTING -> message(index, category, Text.deep(random, ids));
            case INVALID_UTF8 -> new FuzzMessage(index, category,
                    Mutations.invalidUtf8(bytes(Templates.any(random, ids)), random), Set.of());
            case OVERSIZED -> message(index, category, Text.oversized(random, ids, 1 << 20, maxOversizeBytes));
            case UNKNOWN_METHODS -> message(index, category, text(Templates.unknownMethod(random, ids)));
            case BATCHES -> message(index, category, text(Templates.batch(random, ids)));
            case NOTIFICATIONS_WITH_IDS -> message(index, category, text(Templates.notification(random, ids)));
            case BYTE_FLIPS -> new FuzzMessage(index, category,
                    Mutations.byteFlips(bytes(Templates.any(random, ids)), random), Set.of());
            case RESPONSES -> message(index, category, text(Templates.response(random, ids)));
            case SCALARS_AND_BLANKS -> message(index, category, Text.scalarOrBlank(random));
            case MCP_MISUSE -> message(index, category, text(Templates.misuse(random, ids)));
        };
    }

    private static FuzzMessage valid(int index, SplittableRandom random, Ids ids) {
        ObjectNode message = Templates.valid(random, ids);
        String method = message.path("method").asText();
        boolean mustSucceed = message.has("id")
                && (method.equals("ping") || method.equals("tools/list") || Templates.isNoopCall(message));
        return new FuzzMessage(index, FuzzCategory.VALID, bytes(message),
                mustSucceed ? Set.of(Expectation.canonicalId(message.get("id"))) : Set.of());
    }

    private static FuzzMessage message(int index, FuzzCategory category, String text) {
        return new FuzzMessage(index, category, text.getBytes(StandardCharsets.UTF_8), Set.of());
    }

    private static JsonNode hugeId(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.numberNode(BigInteger.TWO.pow(31));
            case 1 -> NODES.numberNode(BigInteger.TWO.pow(53).add(BigInteger.ONE));
            case 2 -> NODES.numberNode(Long.MAX_VALUE);
            case 3 -> NODES.numberNode(BigInteger.TWO.pow(64).add(BigInteger.ONE));
            case 4 -> NODES.numberNode(BigInteger.TEN.pow(100));
            case 5 -> NODES.numberNode(BigInteger.TEN.pow(100).negate());
            case 6 -> NODES.numberNode(new BigDecimal("1e308"));
            case 7 -> NODES.numberNode(new BigDecimal("1e400"));
            case 8 -> NODES.numberNode(new BigDecimal("1e-400"));
            case 9 -> NODES.numberNode(new BigDecimal("12345678901234567890.5"));
            case 10 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(5_000))));
            case 11 -> NODES.textNode("x".repeat(1_000 + random.nextInt(200_000)));
            case 12 -> NODES.textNode("ü€😀\u0000\u001f\"\\\n\u2028");
            case 13 -> NODES.textNode("");
            case 14 -> NODES.numberNode(-1);
            default -> NODES.numberNode(new BigDecimal("-0.0"));
        };
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNodeFactory nodes() {
        return NODES;
    }

    /** Ids unique to one message, so a late answer can be told from a wrong one. */
    static final class Ids {
        private final int index;
        private int next;

        Ids(int index) {
            this.index = index;
        }

        JsonNode next(SplittableRandom random) {
            int k = next++;
            return random.nextBoolean() ? NODES.numberNode(1_000_000L * (index + 1) + k)
                    : NODES.textNode("fz-" + index + "-" + k);
        }
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}

package dev.statamcp.bench.fuzz;

import java.util.SplittableRandom;

/** Messages made as text: broken JSON, deep nesting, oversized lines, bare scalars. */
final class Text {
    private static final String[] DECORATIONS = {
        "//comment\n", "/* c */", "\uFEFF", "NaN", "Infinity", "'", ",", "}", "]", "{", "[", ":", "\"", "\\",
        "undefined", "0x10", "01", "+1", ".5", "1.", "tru", "nul",
    };

    private Text() {
    }

    static String brokenJson(String valid, SplittableRandom random) {
        int at = random.nextInt(valid.length() + 1);
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, at);
            case 1 -> dropStructural(valid, random);
            case 2 -> valid.substring(0, at) + DECORATIONS[random.nextInt(DECORATIONS.length)] + valid.substring(at);
            case 3 -> valid + (random.nextBoolean() ? "xyz" : valid);
            case 4 -> valid.replace("\"jsonrpc\"", "jsonrpc").replace("\"method\"", "method");
            case 5 -> valid.replace('"', '\'');
            case 6 -> valid.replace("}", ",}");
            case 7 -> "{\"jsonrpc\":\"2.0\",\"id\":" + (1 + random.nextInt(1000)) + ",\"method\":\"ping\",\"params\":"
                    + DECORATIONS[random.nextInt(DECORATIONS.length)] + "}";
            default -> junk(random, 1 + random.nextInt(200));
        };
    }

    private static String dropStructural(String valid, SplittableRandom random) {
        for (int tries = 0; tries < 20; tries++) {
            int at = random.nextInt(valid.length());
            if ("{}[],:\"".indexOf(valid.charAt(at)) >= 0) {
                return valid.substring(0, at) + valid.substring(at + 1);
            }
        }
        return valid.substring(1);
    }

    private static String junk(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Nesting from 64 to 100,000 levels, in params of a valid request or as the whole message. */
    static String deep(SplittableRandom random, MessageGenerator.Ids ids) {
        int[] depths = {64, 500, 1_000, 1_001, 5_000, 100_000};
        int depth = depths[random.nextInt(depths.length)];
        String idText = MessageGenerator.text(ids.next(random));
        return switch (random.nextInt(4)) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"method\":\"ping\",\"params\":{\"a\":"
                    + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}";
            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"noop\",\"arguments\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}}";
            case 2 -> "[".repeat(depth) + "]".repeat(depth);
            default -> "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
        };
    }

    /** A valid no-op call padded to a size in [min, max], or a line of junk that size. */
    static String oversized(SplittableRandom random, MessageGenerator.Ids ids, int min, int max) {
        int size = min + random.nextInt(Math.max(1, max - min));
        if (random.nextInt(4) == 0) {
            return "x".repeat(size);
        }
        String head = "{\"jsonrpc\":\"2.0\",\"id\":" + MessageGenerator.text(ids.next(random))
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"noop\",\"arguments\":{\"pad\":\"";
        return head + "p".repeat(Math.max(0, size - head.length() - 4)) + "\"}}}";
    }

    static String scalarOrBlank(SplittableRandom random) {
        String[] values = {"", " ", "\t", "\r", "null", "true", "0", "-1", "\"text\"", "[]", "{}", "[[]]", "1e999"};
        return values[random.nextInt(values.length)];
    }
}

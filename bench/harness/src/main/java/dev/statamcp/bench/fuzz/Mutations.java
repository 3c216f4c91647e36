package dev.statamcp.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/** Byte-level damage to a valid message. */
final class Mutations {
    /** Byte sequences that are not UTF-8: bad lead bytes, lone continuations, overlong forms, surrogates, cut-offs. */
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F},
        {(byte) 0xC3}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    };

    private Mutations() {
    }

    /** One to eight random flips, overwrites, deletions, insertions or duplications. */
    static byte[] byteFlips(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid;
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bytes = bytes.clone();
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> {
                    bytes = bytes.clone();
                    bytes[at] = (byte) random.nextInt(256);
                }
                case 2 -> bytes = splice(bytes, at, 1 + random.nextInt(Math.min(8, bytes.length - at)), new byte[0]);
                case 3 -> bytes = splice(bytes, at, 0, new byte[] {(byte) random.nextInt(256)});
                default -> {
                    int length = 1 + random.nextInt(Math.min(16, bytes.length - at));
                    byte[] copy = new byte[length];
                    System.arraycopy(bytes, at, copy, 0, length);
                    bytes = splice(bytes, at, 0, copy);
                }
            }
        }
        return bytes;
    }

    /** Invalid UTF-8 inside a string value (after a quote) or, less often, anywhere. */
    static byte[] invalidUtf8(byte[] valid, SplittableRandom random) {
        byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        int at;
        if (random.nextInt(4) > 0) {
            int quotes = 0;
            for (byte b : valid) {
                quotes += b == '"' ? 1 : 0;
            }
            int target = random.nextInt(Math.max(1, quotes));
            at = 0;
            for (int i = 0, seen = 0; i < valid.length; i++) {
                if (valid[i] == '"' && seen++ == target) {
                    at = i + 1;
                    break;
                }
            }
        } else {
            at = random.nextInt(valid.length + 1);
        }
        return splice(valid, at, 0, bad);
    }

    static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.write(insert, 0, insert.length);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }
}

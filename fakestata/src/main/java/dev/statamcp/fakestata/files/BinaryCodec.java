package dev.statamcp.fakestata.files;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Missing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary specs of {@code file write} and {@code file read}: {@code %8z}/{@code %4z} (double/float),
 * {@code %4b}/{@code %2b}/{@code %1b} with {@code s} (signed, the default) or {@code u} (unsigned) integers, and
 * {@code %#s} (a string of exactly # bytes, padded with binary zeros). Missing values are written with Stata's own
 * codes: the double and float missing values, and for signed integers the storage types' codes (101, 32741,
 * 2147483621), which read back as missing.
 *
 * @param kind 'z' (floating point), 'b' (integer) or 's' (string)
 * @param size bytes
 * @param unsigned for integers
 */
record BinaryCodec(char kind, int size, boolean unsigned) {

    static BinaryCodec parse(String spec) {
        String s = spec.substring(1);
        if (s.equals("8z") || s.equals("4z")) {
            return new BinaryCodec('z', s.charAt(0) - '0', false);
        }
        if (s.matches("[421]b[su]?")) {
            return new BinaryCodec('b', s.charAt(0) - '0', s.endsWith("u"));
        }
        if (s.matches("[1-9][0-9]*s")) {
            return new BinaryCodec('s', Integer.parseInt(s.substring(0, s.length() - 1)), false);
        }
        throw StataError.of(198, spec + " invalid binary format");
    }

    boolean isString() {
        return kind == 's';
    }

    byte[] encodeString(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), size);
    }

    /** The string in the bytes, up to the first binary zero. */
    String decodeString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    byte[] encodeNumber(double x, boolean hilo) {
        ByteBuffer b = ByteBuffer.allocate(size).order(hilo ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (kind == 'z') {
            if (size == 8) {
                b.putDouble(x);
            } else {
                b.putFloat(Missing.is(x) ? floatMissing(x) : (float) x);
            }
            return b.array();
        }
        long v = Missing.is(x) ? (unsigned ? -1 : missingCode()) : (long) x;
        switch (size) {
            case 4 -> b.putInt((int) v);
            case 2 -> b.putShort((short) v);
            default -> b.put((byte) v);
        }
        return b.array();
    }

    /** The number in the bytes; signed integers past the storage type's largest value are missing. */
    double decodeNumber(byte[] bytes, boolean hilo) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(hilo ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (kind == 'z') {
            double d = size == 8 ? b.getDouble() : b.getFloat();
            return size == 4 && d >= 0x1.0p127 ? Missing.SYSMISS : d;
        }
        long v = switch (size) {
            case 4 -> unsigned ? Integer.toUnsignedLong(b.getInt()) : b.getInt();
            case 2 -> unsigned ? Short.toUnsignedInt(b.getShort()) : b.getShort();
            default -> unsigned ? Byte.toUnsignedInt(b.get()) : b.get();
        };
        if (!unsigned && v >= missingCode()) {
            return Missing.SYSMISS;
        }
        return v;
    }

    private long missingCode() {
        return switch (size) {
            case 4 -> 2147483621L;
            case 2 -> 32741L;
            default -> 101L;
        };
    }

    /** Stata's float missing values: {@code .} is 2^127 and {@code .a} to {@code .z} follow in steps of 2^115. */
    private static float floatMissing(double x) {
        String literal = Missing.literal(x);
        int k = literal.length() == 2 ? literal.charAt(1) - 'a' + 1 : 0;
        return (float) (0x1.0p127 + k * 0x1.0p115);
    }
}

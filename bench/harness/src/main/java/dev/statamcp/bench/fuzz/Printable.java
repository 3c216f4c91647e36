package dev.statamcp.bench.fuzz;

import java.nio.charset.StandardCharsets;

/** Shows a message exactly but readably: printable ASCII as is, everything else escaped, long ones cut. */
public final class Printable {
    private static final int LIMIT = 600;

    private Printable() {
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder(Math.min(bytes.length, LIMIT) + 32).append('`');
        int shown = Math.min(bytes.length, LIMIT);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\') {
                out.append("\\\\");
            } else if (b == '`') {
                out.append("\\x60");
            } else if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        out.append('`');
        if (bytes.length > LIMIT) {
            out.append(" … (").append(String.format("%,d", bytes.length)).append(" bytes in all)");
        }
        return out.toString();
    }
}

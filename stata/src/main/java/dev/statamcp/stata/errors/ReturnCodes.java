package dev.statamcp.stata.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stata's return codes and their short messages, as documented by StataCorp ({@code error-codes.csv}). Used to
 * explain an {@code r(N);} when Stata printed no message of its own (for example after {@code exit 459}).
 */
public final class ReturnCodes {

    /** Code 1: the user (or the engine on its behalf) pressed Break. */
    public static final int BREAK = 1;

    private static final ReturnCodes STANDARD = load();

    private final Map<Integer, String> messages;

    private ReturnCodes(Map<Integer, String> messages) {
        this.messages = Collections.unmodifiableMap(messages);
    }

    /** The table shipped with the engine. */
    public static ReturnCodes standard() {
        return STANDARD;
    }

    /** The documented message for {@code rc}, if the code is documented. */
    public Optional<String> message(int rc) {
        return Optional.ofNullable(messages.get(rc));
    }

    /** {@code "r(111): not found"}, or {@code "r(7777)"} for an undocumented code. */
    public String describe(int rc) {
        return message(rc).map(m -> "r(" + rc + "): " + m).orElse("r(" + rc + ")");
    }

    /** Number of documented codes. */
    public int size() {
        return messages.size();
    }

    private static ReturnCodes load() {
        try (InputStream in = ReturnCodes.class.getResourceAsStream("error-codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("error-codes.csv missing from the engine jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<Integer, String> map = new TreeMap<>();
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = splitCsv(line);
                if (cells.size() >= 2) {
                    map.putIfAbsent(Integer.parseInt(cells.get(0).trim()), cells.get(1).trim());
                }
            }
            return new ReturnCodes(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV record (RFC 4180 quoting; no embedded line breaks in this file). */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

package dev.statamcp.stata.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comma-separated files Stata's {@code export delimited} writes: fields quoted with {@code "} when they
 * hold commas, quotes or line breaks, quotes doubled inside. A dozen lines of code; a CSV library would be a
 * dependency for this one reader.
 */
final class CsvReader {
    private final Reader in;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return fields;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    peeked = n;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}

package dev.statamcp.fakestata.results;

import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side of {@code matrix [define] A = ...} the emulator understands: a copy of a named or stored
 * matrix ({@code e(b)}, {@code r(table)}), keeping its row and column names; a literal {@code (1,2\3,4)} whose
 * elements are expressions (names r1.. and c1..); and either of those transposed with {@code '}. Other matrix
 * algebra is not emulated.
 */
final class MatrixDefine {
    private MatrixDefine() {
    }

    static Matrix evaluate(String expression, Session s, Interpreter interp) {
        String text = expression.strip();
        if (text.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        if (text.endsWith("'")) {
            return transpose(evaluate(text.substring(0, text.length() - 1), s, interp));
        }
        if (text.startsWith("(") && text.endsWith(")") && closes(text)) {
            String inner = text.substring(1, text.length() - 1);
            if (Syntax.topLevel(inner, ',') < 0 && Syntax.topLevel(inner, '\\') < 0
                    && MatrixLookup.find(s, inner) != null) {
                return MatrixLookup.require(s, inner);
            }
            return literal(inner, interp);
        }
        if (!MatrixLookup.isStored(text) && !text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw StataError.of(198, "invalid syntax");
        }
        return MatrixLookup.require(s, text);
    }

    /** Whether the opening parenthesis is closed by the last character (not {@code (a)*(b)}). */
    private static boolean closes(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Quotes.opensQuote(text, i)) {
                int end = Quotes.skip(text, i);
                if (end < 0) {
                    return false;
                }
                i = end - 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }

    private static Matrix literal(String inner, Interpreter interp) {
        List<double[]> rows = new ArrayList<>();
        for (String row : split(inner, '\\')) {
            List<String> cells = split(row, ',');
            double[] values = new double[cells.size()];
            for (int j = 0; j < values.length; j++) {
                Value v = interp.evaluate(cells.get(j));
                if (v.isString()) {
                    throw StataError.of(109, "type mismatch");
                }
                values[j] = v.asNumber();
            }
            if (!rows.isEmpty() && rows.get(0).length != values.length) {
                throw StataError.of(503, "conformability error");
            }
            rows.add(values);
        }
        int r = rows.size();
        int c = rows.get(0).length;
        double[][] v = rows.toArray(new double[0][]);
        return Matrix.of(v, numbered("r", r), numbered("c", c), isSymmetric(v));
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        int at;
        while ((at = Syntax.topLevel(rest, separator)) >= 0) {
            parts.add(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        parts.add(rest);
        for (String p : parts) {
            if (p.isBlank()) {
                throw StataError.of(198, "invalid syntax");
            }
        }
        return parts;
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static boolean isSymmetric(double[][] v) {
        if (v.length != v[0].length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < i; j++) {
                if (v[i][j] != v[j][i]) {
                    return false;
                }
            }
        }
        return true;
    }

    static Matrix transpose(Matrix m) {
        double[][] t = new double[m.cols()][m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t[j][i] = m.get(i, j);
            }
        }
        return Matrix.of(t, m.colNames(), m.rowNames(), m.symmetric());
    }
}

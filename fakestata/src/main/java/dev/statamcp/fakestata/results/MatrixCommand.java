package dev.statamcp.fakestata.results;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * {@code matrix list name [, format()]}, {@code matrix [define] A = ...} (see {@link MatrixDefine}),
 * {@code matrix rownames|colnames|roweq|coleq A = names}, {@code matrix drop}, {@code matrix dir}.
 */
public final class MatrixCommand {
    private MatrixCommand() {
    }

    public static void run(Call call) {
        String text = call.args().strip();
        String sub = text.split("[\\s=]+", 2)[0];
        String rest = text.substring(sub.length()).strip();
        Session s = call.session();
        if (CommandTable.abbreviates(sub, "List")) {
            Syntax syn = Syntax.parse(rest, "Format", "NOHeader", "NONames", "NOBlank", "Title");
            list(call.out(), syn.main(), MatrixLookup.require(s, syn.main()), syn.options().unquoted("format"),
                    syn.options().has("noheader"), syn.options().has("noblank"));
        } else if (sub.equals("drop")) {
            if (rest.isEmpty()) {
                throw StataError.of(198, "invalid syntax");
            }
            for (String n : rest.split("\\s+")) {
                if (n.equals("_all")) {
                    s.matrices().clear();
                } else if (s.matrices().remove(n) == null) {
                    throw StataError.of(111, "matrix " + n + " not found");
                }
            }
        } else if (sub.equals("dir")) {
            for (var e : s.matrices().entrySet()) {
                call.out().txt(String.format("%10s[%d,%d]", e.getKey(), e.getValue().rows(), e.getValue().cols()));
            }
        } else if (sub.equals("rownames") || sub.equals("colnames") || sub.equals("roweq") || sub.equals("coleq")) {
            rename(s, sub, rest);
        } else {
            String def = CommandTable.abbreviates(sub, "DEFine") ? rest : text;
            int eq = def.indexOf('=');
            if (eq < 0) {
                throw StataError.of(198, "invalid syntax");
            }
            String name = def.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                throw StataError.of(198, name + " invalid name");
            }
            s.matrices().put(name, MatrixDefine.evaluate(def.substring(eq + 1), s, call.interpreter()));
        }
    }

    /** {@code matrix rownames A = a b c}: one name (or equation) per row; a count that differs is r(503). */
    private static void rename(Session s, String what, String rest) {
        int eq = rest.indexOf('=');
        if (eq < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = rest.substring(0, eq).strip();
        Matrix m = s.matrices().get(name);
        if (m == null) {
            throw StataError.of(111, "matrix " + name + " not found");
        }
        List<String> given = List.of(rest.substring(eq + 1).strip().split("\\s+"));
        boolean rows = what.startsWith("row");
        List<String> current = rows ? m.rowNames() : m.colNames();
        if (given.size() != current.size() || given.get(0).isEmpty()) {
            throw StataError.of(503, "conformability error");
        }
        List<String> renamed = what.endsWith("eq") ? MatrixNames.withEquations(current, given)
                : MatrixNames.withNames(current, given);
        s.matrices().put(name, new Matrix(m.rows(), m.cols(), m.values(), rows ? List.copyOf(renamed) : m.rowNames(),
                rows ? m.colNames() : List.copyOf(renamed), m.symmetric()));
    }

    /** The layout of {@code matrix list}: header, column names right-aligned in 12 columns, values %10.0g. */
    static void list(Output out, String name, Matrix m, String format, boolean noHeader, boolean noBlank) {
        NumberFormat fmt = format == null ? null : NumberFormat.parse(format);
        if (format != null && fmt == null) {
            throw StataError.of(120, "invalid %format");
        }
        int labelWidth = 1;
        for (String r : m.rowNames()) {
            labelWidth = Math.max(labelWidth, r.length());
        }
        if (!noBlank) {
            out.newline();
        }
        if (!noHeader) {
            out.txt((m.symmetric() ? "symmetric " : "") + name + "[" + m.rows() + "," + m.cols() + "]");
        }
        StringBuilder head = new StringBuilder(" ".repeat(labelWidth));
        for (String c : m.colNames()) {
            head.append(String.format("%12s", c));
        }
        out.txt(head.toString());
        for (int i = 0; i < m.rows(); i++) {
            out.print(Style.TXT, String.format("%" + labelWidth + "s", m.rowNames().get(i)));
            StringBuilder row = new StringBuilder();
            int upto = m.symmetric() ? i + 1 : m.cols();
            for (int j = 0; j < upto; j++) {
                double v = m.get(i, j);
                String cell = fmt == null ? NumberFormat.general(v, 9, false) : fmt.format(v).strip();
                row.append(String.format("%12s", cell));
            }
            out.println(Style.RES, row.toString());
        }
    }
}

package dev.statamcp.fakestata.results;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.session.Session;
import java.util.Map;

/**
 * {@code return|ereturn|sreturn list} in Stata's layout, {@code return clear|scalar|local|matrix} (and the ereturn
 * forms), and {@code _return hold|restore|drop}, which keep r() safe around a caller's own commands.
 */
public final class ResultCommands {
    private ResultCommands() {
    }

    /** {@code return ...}, {@code ereturn ...} or {@code sreturn ...}. */
    public static void command(Call call, char kind) {
        String text = call.args().strip();
        String sub = text.split("\\s+", 2)[0];
        String rest = text.substring(sub.length()).strip();
        Session s = call.session();
        ResultSet rs = s.results(kind);
        if (CommandTable.abbreviates(sub, "List")) {
            list(call.out(), rs);
        } else if (sub.equals("clear")) {
            rs.clear();
        } else if (sub.equals("scalar")) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw StataError.of(198, "invalid syntax");
            }
            Value v = call.interpreter().evaluate(rest.substring(eq + 1));
            rs.scalars().put(rest.substring(0, eq).strip(), v.asNumber());
        } else if (sub.equals("local")) {
            String[] w = rest.split("\\s+", 2);
            String value = w.length > 1 ? w[1].strip() : "";
            if (value.startsWith("=")) {
                Value v = call.interpreter().evaluate(value.substring(1));
                value = v.isString() ? v.asString() : NumberFormat.full(v.asNumber());
            } else {
                value = dev.statamcp.fakestata.lang.Quotes.strip(value);
            }
            rs.macros().put(w[0], value);
        } else if (sub.equals("matrix")) {
            storeMatrix(s, rs, rest);
        } else if (sub.equals("add")) {
            // keeps the current r() in an r-class program; nothing to do here
            return;
        } else {
            throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code return matrix name [=] matname [, copy]}: moves the matrix into the results (copies with copy). */
    private static void storeMatrix(Session s, ResultSet rs, String rest) {
        String body = rest;
        boolean copy = false;
        int comma = rest.indexOf(',');
        if (comma >= 0) {
            String option = rest.substring(comma + 1).strip();
            if (!option.equals("copy")) {
                throw StataError.of(198, "option " + option + " not allowed");
            }
            copy = true;
            body = rest.substring(0, comma);
        }
        String[] w = body.replace("=", " ").strip().split("\\s+");
        if (w.length != 2) {
            throw StataError.of(198, "invalid syntax");
        }
        Matrix m = MatrixLookup.require(s, w[1]);
        if (!copy) {
            s.matrices().remove(w[1]);
        }
        rs.matrices().put(w[0], m);
    }

    /** The list layout: a blank line, then sections {@code scalars:}, {@code macros:}, ... each name in 22 columns. */
    public static void list(Output out, ResultSet rs) {
        char k = rs.kind();
        if (!rs.scalars().isEmpty()) {
            out.newline();
            out.txt("scalars:");
            for (Map.Entry<String, Double> e : rs.scalars().entrySet()) {
                out.print(Style.TXT, String.format("%22s =  ", k + "(" + e.getKey() + ")"));
                out.println(Style.RES, NumberFormat.full(e.getValue()));
            }
        }
        if (!rs.macros().isEmpty()) {
            out.newline();
            out.txt("macros:");
            for (Map.Entry<String, String> e : rs.macros().entrySet()) {
                out.print(Style.TXT, String.format("%22s : ", k + "(" + e.getKey() + ")"));
                out.println(Style.RES, "\"" + e.getValue() + "\"");
            }
        }
        if (!rs.matrices().isEmpty()) {
            out.newline();
            out.txt("matrices:");
            for (Map.Entry<String, Matrix> e : rs.matrices().entrySet()) {
                out.print(Style.TXT, String.format("%22s :  ", k + "(" + e.getKey() + ")"));
                out.println(Style.RES, e.getValue().rows() + " x " + e.getValue().cols());
            }
        }
        if (rs.sample() != null) {
            out.newline();
            out.txt("functions:");
            out.txt(String.format("%22s   ", k + "(sample)"));
        }
    }

    /** {@code _return hold name}, {@code _return restore name [, hold]}, {@code _return drop name|_all}. */
    public static void hold(Call call) {
        String[] w = call.args().replace(",", " , ").strip().split("\\s+");
        Session s = call.session();
        if (w.length < 2) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = w[1];
        switch (w[0]) {
            case "hold" -> {
                if (s.heldResults().containsKey(name)) {
                    throw StataError.of(110, name + " already exists");
                }
                s.heldResults().put(name, s.r().copy());
                s.r().clear();
            }
            case "restore" -> {
                ResultSet held = s.heldResults().get(name);
                if (held == null) {
                    throw StataError.of(111, name + " not found");
                }
                s.r().replaceWith(held);
                boolean keep = java.util.Arrays.asList(w).contains("hold");
                if (!keep) {
                    s.heldResults().remove(name);
                }
            }
            case "drop" -> {
                if (name.equals("_all")) {
                    s.heldResults().clear();
                } else if (s.heldResults().remove(name) == null) {
                    throw StataError.of(111, name + " not found");
                }
            }
            case "dir" -> {
                for (String h : s.heldResults().keySet()) {
                    call.out().txt(h);
                }
            }
            default -> throw StataError.of(198, "invalid syntax");
        }
    }
}

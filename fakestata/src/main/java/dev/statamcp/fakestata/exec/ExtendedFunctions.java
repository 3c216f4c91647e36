package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.commands.DisplayCommand;
import dev.statamcp.fakestata.commands.DisplayTarget;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.results.MatrixLookup;
import dev.statamcp.fakestata.results.MatrixNames;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Extended macro functions, {@code `: ...'} or {@code local x : ...}: result names ({@code r(scalars)},
 * {@code e(macros)}, {@code e(matrices)}), {@code all globals|scalars|matrices}, word and list helpers, variable
 * properties, {@code display}, {@code env}, matrix names ({@code rownames}, {@code colnames}, {@code roweq},
 * {@code coleq}, {@code rowfullnames}, {@code colfullnames}, optionally {@code , quoted}).
 */
public final class ExtendedFunctions {
    private ExtendedFunctions() {
    }

    public static String evaluate(String fn, Session s, Frame frame, Interpreter interp) {
        String f = fn.strip();
        String lower = f.toLowerCase(Locale.ROOT);
        for (char k : new char[]{'r', 'e', 's'}) {
            if (lower.startsWith(k + "(") && lower.endsWith(")")) {
                return resultNames(s.results(k), lower.substring(2, lower.length() - 1).trim());
            }
        }
        String[] w = f.split("\\s+", 3);
        String first = w[0];
        String rest = f.substring(first.length()).strip();
        switch (first) {
            case "all": {
                String[] a = rest.split("\\s+", 3);
                String what = a[0];
                String pattern = null;
                if ((what.equals("numeric") || what.equals("string")) && a.length > 1) {
                    return names(scalarNames(s, what), a.length > 2 ? Quotes.strip(a[2]) : null);
                }
                if (a.length > 1) {
                    pattern = Quotes.strip(rest.substring(what.length()).strip());
                }
                return switch (what) {
                    case "globals" -> names(new TreeSet<>(s.globals().keySet()), pattern);
                    case "scalars" -> names(new TreeSet<>(s.scalars().keySet()), pattern);
                    case "matrices" -> names(new TreeSet<>(s.matrices().keySet()), pattern);
                    default -> throw StataError.of(198, "invalid syntax");
                };
            }
            case "word": {
                if (rest.startsWith("count")) {
                    return String.valueOf(Tokens.raw(rest.substring(5)).size());
                }
                String[] a = rest.split("\\s+", 3);
                if (a.length == 3 && a[1].equals("of")) {
                    List<String> words = Tokens.raw(a[2]);
                    int i = Integer.parseInt(a[0]);
                    return i >= 1 && i <= words.size() ? Quotes.strip(words.get(i - 1)) : "";
                }
                throw StataError.of(198, "invalid syntax");
            }
            case "list": {
                String[] a = rest.split("\\s+", 2);
                String arg = a.length > 1 ? a[1].trim() : "";
                return switch (a[0]) {
                    case "sizeof" -> String.valueOf(Tokens.raw(frame.get(arg)).size());
                    case "retokenize", "clean" -> String.join(" ", Tokens.raw(frame.get(arg)));
                    case "uniq" -> String.join(" ", new java.util.LinkedHashSet<>(Tokens.raw(frame.get(arg))));
                    case "sort" -> String.join(" ", new TreeSet<>(Tokens.raw(frame.get(arg))));
                    default -> throw StataError.of(198, "invalid syntax");
                };
            }
            case "length", "strlen", "ustrlen": {
                String[] a = rest.split("\\s+", 2);
                String value = a[0].equals("local") ? frame.get(a[1].trim())
                        : s.globals().getOrDefault(a.length > 1 ? a[1].trim() : "", "");
                return String.valueOf(value.length());
            }
            case "display", "di", "dis", "disp": {
                DisplayTarget.Capture capture = new DisplayTarget.Capture();
                DisplayCommand.render(rest, interp, capture, Integer.MAX_VALUE);
                return capture.toString();
            }
            case "env", "environment":
                return System.getenv().getOrDefault(rest, "");
            case "variable", "var": {
                String[] a = rest.split("\\s+", 2);
                if (a[0].equals("label")) {
                    return s.data().require(a[1].trim()).label();
                }
                throw StataError.of(198, "invalid syntax");
            }
            case "value": {
                String[] a = rest.split("\\s+", 2);
                if (a[0].equals("label")) {
                    return s.data().require(a[1].trim()).valueLabel();
                }
                throw StataError.of(198, "invalid syntax");
            }
            case "type":
                return s.data().require(rest).type().name();
            case "format":
                return s.data().require(rest).format();
            case "data":
                return s.data().label();
            case "rownames", "colnames", "rowfullnames", "colfullnames", "roweq", "coleq":
                return matrixNames(first, rest, s);
            case "rowsof", "colsof": {
                Matrix m = MatrixLookup.require(s, rest);
                return String.valueOf(first.equals("rowsof") ? m.rows() : m.cols());
            }
            case "subinstr": {
                return subinstr(rest, frame, s);
            }
            case "copy": {
                String[] a = rest.split("\\s+", 2);
                return a[0].equals("local") ? frame.get(a[1].trim()) : s.globals().getOrDefault(a[1].trim(), "");
            }
            case "tempfile", "tempvar", "tempname":
                return Temporaries.name(s, first);
            case "pwd":
                return s.pwd().toString();
            default:
                throw StataError.of(198, "invalid syntax");
        }
    }

    private static String resultNames(ResultSet rs, String what) {
        return switch (what) {
            case "scalars" -> String.join(" ", reversed(rs.scalars().keySet()));
            case "macros" -> String.join(" ", reversed(rs.macros().keySet()));
            case "matrices" -> String.join(" ", reversed(rs.matrices().keySet()));
            case "functions" -> rs.sample() == null ? "" : "sample";
            default -> {
                if (rs.macros().containsKey(what)) {
                    yield rs.macros().get(what);
                }
                Double d = rs.scalars().get(what);
                yield d == null ? "" : dev.statamcp.fakestata.lang.NumberFormat.full(d);
            }
        };
    }

    /** Stata lists result names most recent first. */
    private static List<String> reversed(java.util.Set<String> keys) {
        List<String> l = new ArrayList<>(keys);
        java.util.Collections.reverse(l);
        return l;
    }

    private static TreeSet<String> scalarNames(Session s, String kind) {
        TreeSet<String> out = new TreeSet<>();
        for (var e : s.scalars().entrySet()) {
            Value v = e.getValue();
            if (v.isString() == kind.equals("string")) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static String names(java.util.Collection<String> all, String pattern) {
        List<String> out = new ArrayList<>();
        java.util.regex.Pattern p = pattern == null || pattern.isEmpty() ? null
                : java.util.regex.Pattern.compile(pattern.replace("?", ".").replace("*", ".*"));
        for (String n : all) {
            if (p == null || p.matcher(n).matches()) {
                out.add(n);
            }
        }
        return String.join(" ", out);
    }

    /** {@code rownames A}, {@code coleq e(b), quoted}, ...: names of a named or stored matrix. */
    private static String matrixNames(String function, String rest, Session s) {
        String ref = rest;
        boolean quoted = false;
        int comma = rest.indexOf(',');
        if (comma >= 0) {
            String option = rest.substring(comma + 1).strip();
            if (!option.isEmpty() && !option.equals("quoted")) {
                throw StataError.of(198, "option " + option + " not allowed");
            }
            quoted = !option.isEmpty();
            ref = rest.substring(0, comma);
        }
        Matrix m = MatrixLookup.require(s, ref);
        List<String> stored = function.startsWith("row") ? m.rowNames() : m.colNames();
        List<String> names = switch (function.substring(3)) {
            case "names" -> MatrixNames.names(stored);
            case "fullnames" -> MatrixNames.fullNames(stored);
            default -> MatrixNames.equations(stored);
        };
        if (!quoted) {
            return String.join(" ", names);
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("\"" + n + "\"");
        }
        return String.join(" ", out);
    }

    private static String subinstr(String rest, Frame frame, Session s) {
        // subinstr local|global name "from" "to" [, all count(...) word]
        List<String> words = Tokens.raw(rest.replace(",", " , "));
        if (words.size() < 4) {
            throw StataError.of(198, "invalid syntax");
        }
        String source = words.get(0).equals("local") ? frame.get(words.get(1))
                : s.globals().getOrDefault(words.get(1), "");
        String from = Quotes.strip(words.get(2));
        String to = Quotes.strip(words.get(3));
        boolean all = words.contains("all");
        if (from.isEmpty()) {
            return source;
        }
        return all ? source.replace(from, to) : source.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
    }
}

package dev.statamcp.fakestata.codebook;

import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.ValueLabel;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One variable of {@code codebook} in the layout of Stata 17 and later: a ruled header with name and label, the
 * type (and value label), range and units, unique values and missing count, then a tabulation when there are few
 * distinct values, else mean, standard deviation and percentiles (numbers) or four examples (strings).
 */
final class CodebookEntry {
    /** Where the values of "Range:" and "Units:" line up: the colons of both columns. */
    private static final int UNITS_AT = 54;
    private static final int MISSING_AT = 50;

    private CodebookEntry() {
    }

    static void print(Output out, Dataset d, Variable v, RowSelection sel, int tabulateLimit, int width) {
        VariableFacts f = VariableFacts.of(v, sel);
        String rule = "-".repeat(width);
        String label = v.label().isEmpty() ? "(unlabeled)" : v.label();
        out.newline();
        out.txt(rule);
        out.txt(v.name() + " ".repeat(Math.max(1, width - v.name().length() - label.length())) + label);
        out.txt(rule);
        out.newline();
        ValueLabel vl = v.isString() || v.valueLabel().isEmpty() ? null : d.valueLabels().get(v.valueLabel());
        if (v.isString()) {
            String declared = v.type().name();
            String longest = "str" + Math.max(1, f.longest());
            boolean shorter = !declared.equals("strL") && f.longest() > 0 && f.longest() < v.type().strWidth();
            out.txt(field("Type") + "String (" + declared + ")" + (shorter ? ", but longest is " + longest : ""));
            out.newline();
        } else {
            out.txt(field("Type") + "Numeric (" + v.type().name() + ")");
            if (!v.valueLabel().isEmpty()) {
                out.txt(field("Label") + v.valueLabel());
            }
            out.newline();
            List<Double> xs = f.numbers();
            String range = "[" + (xs.isEmpty() ? "." : g(xs.get(0))) + ","
                    + (xs.isEmpty() ? "." : g(xs.get(xs.size() - 1))) + "]";
            out.txt(pad(field("Range") + range, UNITS_AT) + "Units: " + g(f.units()));
        }
        String missing = v.isString() ? "Missing \"\": " : "Missing .: ";
        out.txt(pad(field("Unique values") + f.unique(), MISSING_AT) + missing + f.missing() + "/" + f.total());
        out.newline();
        if (f.unique() <= tabulateLimit) {
            tabulation(out, f, v, vl);
        } else if (v.isString()) {
            examples(out, f);
        } else {
            statistics(out, v, sel);
        }
        String blanks = blanks(f);
        if (!blanks.isEmpty()) {
            out.newline();
            out.txt(field("Warning") + "Variable has " + blanks + " blanks.");
        }
    }

    private static void tabulation(Output out, VariableFacts f, Variable v, ValueLabel vl) {
        boolean labelled = vl != null;
        out.txt(field("Tabulation") + (labelled ? "Freq.   Numeric  Label" : "Freq.  Value"));
        for (Map.Entry<Object, Integer> e : f.frequencies().entrySet()) {
            String count = String.format("%29s", NumberFormat.commas(e.getValue()));
            if (v.isString()) {
                out.txt(count + "  \"" + e.getKey() + "\"");
            } else if (labelled) {
                double x = (Double) e.getKey();
                String text = vl.labelOf(x);
                out.txt((count + String.format("%10s", g(x)) + "  " + (text == null ? "" : text)).stripTrailing());
            } else {
                out.txt(count + "  " + g((Double) e.getKey()));
            }
        }
    }

    /** Four values spread through the sorted values, as Stata picks them (the k*N/5-th, k = 1..4). */
    private static void examples(Output out, VariableFacts f) {
        List<String> sorted = f.sortedStrings();
        int n = sorted.size();
        for (int k = 1; k <= 4; k++) {
            int at = Math.max(1, (int) Math.floor(k * n / 5.0)) - 1;
            String head = k == 1 ? field("Examples") : " ".repeat(24);
            out.txt(head + "\"" + sorted.get(at) + "\"");
        }
    }

    private static void statistics(Output out, Variable v, RowSelection sel) {
        Moments m = Moments.of(v, sel);
        out.txt(field("Mean") + String.format("%7s", NumberFormat.general(m.mean(), 7, false)));
        out.txt(field("Std. dev.") + String.format("%7s", NumberFormat.general(m.sd(), 7, false)));
        out.newline();
        StringBuilder head = new StringBuilder(field("Percentiles").stripTrailing());
        StringBuilder values = new StringBuilder(" ".repeat(23));
        int[] ps = {10, 25, 50, 75, 90};
        for (int i = 0; i < ps.length; i++) {
            String w = i == 0 ? "%8s" : "%10s";
            head.append(String.format(w, ps[i] + "%"));
            values.append(String.format(w, g(m.percentile(ps[i]))));
        }
        out.txt(head.toString());
        out.txt(values.toString());
    }

    private static String blanks(VariableFacts f) {
        boolean leading = false;
        boolean embedded = false;
        boolean trailing = false;
        for (String s : f.sortedStrings()) {
            leading |= s.startsWith(" ");
            trailing |= s.endsWith(" ");
            embedded |= s.strip().contains(" ");
        }
        List<String> kinds = new ArrayList<>();
        if (leading) {
            kinds.add("leading");
        }
        if (embedded) {
            kinds.add("embedded");
        }
        if (trailing) {
            kinds.add("trailing");
        }
        return switch (kinds.size()) {
            case 0 -> "";
            case 1 -> kinds.get(0);
            case 2 -> kinds.get(0) + " and " + kinds.get(1);
            default -> kinds.get(0) + ", " + kinds.get(1) + ", and " + kinds.get(2);
        };
    }

    /** A label right-aligned in 22 columns and a colon: {@code "         Unique values: "}. */
    private static String field(String name) {
        return String.format("%22s: ", name);
    }

    private static String pad(String text, int to) {
        return text.length() >= to ? text + " " : text + " ".repeat(to - text.length());
    }

    static String g(double x) {
        return Missing.is(x) ? Missing.literal(x) : NumberFormat.general(x, 8, false);
    }
}

package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.data.Varlist;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One-way {@code tabulate var [if] [in] [, missing nolabel]}: frequencies, percents and cumulative percents. */
public final class Tabulate {
    private Tabulate() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Missing", "NOLabel", "SORT", "PLOT", "NOFreq", "Generate");
        Session s = call.session();
        Dataset d = s.data();
        List<Variable> vars = Varlist.expand(d, syn.main().isEmpty() ? null : syn.main());
        if (syn.main().isEmpty()) {
            throw StataError.of(100, "varlist required");
        }
        if (vars.size() > 1) {
            throw StataError.of(103, "too many variables specified");
        }
        Variable v = vars.get(0);
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        boolean missing = syn.options().has("missing");
        boolean noLabel = syn.options().has("nolabel");
        Map<Object, Integer> counts = v.isString() ? new TreeMap<>() : new TreeMap<>();
        int total = 0;
        for (int i = 0; i < d.n(); i++) {
            if (!sel.has(i)) {
                continue;
            }
            Object key;
            if (v.isString()) {
                String x = v.str(i);
                if (x.isEmpty() && !missing) {
                    continue;
                }
                key = x;
            } else {
                double x = v.num(i);
                if (Missing.is(x) && !missing) {
                    continue;
                }
                key = x;
            }
            counts.merge(key, 1, Integer::sum);
            total++;
        }
        ResultSet r = s.r();
        r.clear();
        r.scalars().put("N", (double) total);
        r.scalars().put("r", (double) counts.size());
        Output out = call.out();
        if (total == 0) {
            out.txt("no observations");
            return;
        }
        List<String> labels = new ArrayList<>();
        for (Object key : counts.keySet()) {
            labels.add(labelOf(d, v, key, noLabel));
        }
        int colw = 10;
        for (String l : labels) {
            colw = Math.max(colw, l.length());
        }
        String title = v.label().isEmpty() ? v.name() : v.label();
        out.newline();
        for (String line : wrap(title, colw + 1, out)) {
            out.txt(String.format("%" + (colw + 1) + "s |", line));
        }
        out.txt(String.format("%" + (colw + 1) + "s |%11s%12s%12s", lastLine(title, colw + 1), "Freq.", "Percent",
                "Cum."));
        String rule = "-".repeat(colw + 2) + "+" + "-".repeat(35);
        out.txt(rule);
        int cum = 0;
        int i = 0;
        for (int count : counts.values()) {
            cum += count;
            out.print(Style.TXT, String.format("%" + (colw + 1) + "s |", labels.get(i++)));
            out.println(Style.RES, String.format("%11s%12s%12s", NumberFormat.commas(count),
                    NumberFormat.fixed(100.0 * count / total, 2, false), NumberFormat.fixed(100.0 * cum / total, 2,
                            false)));
        }
        out.txt(rule);
        out.print(Style.TXT, String.format("%" + (colw + 1) + "s |", "Total"));
        out.println(Style.RES, String.format("%11s%12s", NumberFormat.commas(total), "100.00"));
    }

    private static String labelOf(Dataset d, Variable v, Object key, boolean noLabel) {
        if (key instanceof String str) {
            return str;
        }
        double x = (Double) key;
        if (!noLabel && !v.valueLabel().isEmpty() && d.valueLabels().containsKey(v.valueLabel())) {
            String l = d.valueLabels().get(v.valueLabel()).labelOf(x);
            if (l != null) {
                return l;
            }
        }
        return Missing.is(x) ? Missing.literal(x) : NumberFormat.general(x, 8, false);
    }

    /** All header lines but the last of a title too long for the first column, word-wrapped. */
    private static List<String> wrap(String title, int width, Output out) {
        List<String> lines = splitWords(title, width);
        return lines.subList(0, lines.size() - 1);
    }

    private static String lastLine(String title, int width) {
        List<String> lines = splitWords(title, width);
        return lines.get(lines.size() - 1);
    }

    private static List<String> splitWords(String title, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : title.split(" ")) {
            if (cur.length() > 0 && cur.length() + 1 + w.length() > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(w.length() > width ? w.substring(0, width) : w);
        }
        lines.add(cur.toString());
        return lines;
    }
}

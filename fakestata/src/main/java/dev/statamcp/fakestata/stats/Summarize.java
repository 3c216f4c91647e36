package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.data.Varlist;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Session;
import java.util.List;
import java.util.Map;

/** {@code summarize [varlist] [if] [in] [, detail meanonly separator(#)]}, storing r() as Stata does. */
public final class Summarize {
    private Summarize() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Detail", "MEANonly", "SEParator", "Format");
        Session s = call.session();
        Dataset data = s.data();
        List<Variable> vars = data.k() == 0 && syn.main().isEmpty() ? List.of() : Varlist.expand(data, syn.main());
        RowSelection sel = RowSelection.of(call.interpreter(), data, syn.ifExp(), syn.inRange());
        ResultSet r = s.r();
        r.clear();
        Output out = call.out();
        boolean detail = syn.options().has("detail");
        boolean meanonly = syn.options().has("meanonly");
        int separator = syn.options().integer("separator", 5);
        String sdHeader = s.version() >= 17 ? "Std. dev." : "Std. Dev.";
        if (!detail && !meanonly) {
            out.newline();
            out.txt("    Variable |        Obs        Mean    " + sdHeader + "       Min        Max");
            out.txt(rule());
        }
        int row = 0;
        for (Variable v : vars) {
            s.poll();
            Moments m = Moments.of(v, sel);
            store(r, m, detail, meanonly);
            if (meanonly) {
                continue;
            }
            if (detail) {
                Detail.print(out, v, m, sdHeader);
                continue;
            }
            if (separator > 0 && row > 0 && row % separator == 0) {
                out.txt(rule());
            }
            row++;
            out.print(Style.TXT, String.format("%12s |", abbreviate(v.name(), 12)));
            if (m.n() == 0) {
                out.println(Style.RES, String.format("%11s", "0"));
                continue;
            }
            out.println(Style.RES, String.format("%11s%12s%12s%11s%11s", NumberFormat.commas(m.n()),
                    g(m.mean()), g(m.sd()), g(m.min()), g(m.max())));
        }
    }

    private static String rule() {
        return "-------------+---------------------------------------------------------";
    }

    static String g(double x) {
        return NumberFormat.general(x, 8, false);
    }

    private static void store(ResultSet r, Moments m, boolean detail, boolean meanonly) {
        r.clear();
        Map<String, Double> sc = r.scalars();
        sc.put("N", (double) m.n());
        sc.put("sum_w", (double) m.n());
        sc.put("mean", m.mean());
        if (!meanonly) {
            sc.put("Var", m.variance());
            sc.put("sd", m.sd());
        }
        if (detail) {
            sc.put("skewness", m.skewness());
            sc.put("kurtosis", m.kurtosis());
            sc.put("sum", m.sum());
            sc.put("min", m.min());
            sc.put("max", m.max());
            for (int p : new int[]{1, 5, 10, 25, 50, 75, 90, 95, 99}) {
                sc.put("p" + p, m.percentile(p));
            }
            return;
        }
        sc.put("min", m.min());
        sc.put("max", m.max());
        sc.put("sum", m.n() == 0 ? 0 : m.sum());
        if (m.n() == 0) {
            sc.put("mean", Missing.SYSMISS);
        }
    }

    /** Stata's abbreviation of a long name: the start, a tilde, the last character. */
    public static String abbreviate(String name, int width) {
        if (name.length() <= width) {
            return name;
        }
        return name.substring(0, width - 2) + "~" + name.charAt(name.length() - 1);
    }
}

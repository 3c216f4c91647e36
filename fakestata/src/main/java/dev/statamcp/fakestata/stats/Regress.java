package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.data.Varlist;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Distributions;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code regress y x1 x2 ... [if] [in]}: OLS with Stata's ANOVA and coefficient tables, and e() results. */
public final class Regress {
    private Regress() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Level", "NOConstant", "Robust", "VCE", "noHEader", "BEta");
        Session s = call.session();
        Dataset d = s.data();
        if (syn.main().isEmpty()) {
            throw StataError.of(100, "varlist required");
        }
        List<Variable> vars = Varlist.expand(d, syn.main());
        for (Variable v : vars) {
            if (v.isString()) {
                throw StataError.of(109, "type mismatch");
            }
        }
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        Variable y = vars.get(0);
        List<Variable> xs = vars.subList(1, vars.size());
        boolean[] sample = new boolean[d.n()];
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            if (!sel.has(i) || Missing.is(y.num(i))) {
                continue;
            }
            double[] row = new double[xs.size()];
            boolean ok = true;
            for (int j = 0; j < xs.size(); j++) {
                row[j] = xs.get(j).num(i);
                if (Missing.is(row[j])) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                rows.add(row);
                ys.add(y.num(i));
                sample[i] = true;
            }
        }
        if (rows.isEmpty()) {
            throw StataError.of(2000, "no observations");
        }
        Ols fit = Ols.fit(rows.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray());
        store(s, call, y, xs, fit, sample);
        print(call.out(), s, y, xs, fit, s.settings().level);
    }

    private static void store(Session s, Call call, Variable y, List<Variable> xs, Ols f, boolean[] sample) {
        int n = f.n();
        int dfm = f.k() - 1;
        int dfr = n - f.k();
        double mss = f.tss() - f.rss();
        ResultSet e = s.e();
        e.clear();
        e.scalars().put("N", (double) n);
        e.scalars().put("df_m", (double) dfm);
        e.scalars().put("df_r", (double) dfr);
        e.scalars().put("F", dfm > 0 ? (mss / dfm) / (f.rss() / dfr) : Missing.SYSMISS);
        e.scalars().put("r2", mss / f.tss());
        e.scalars().put("rmse", Math.sqrt(f.rss() / dfr));
        e.scalars().put("mss", mss);
        e.scalars().put("rss", f.rss());
        e.scalars().put("r2_a", 1 - (1 - mss / f.tss()) * (n - 1) / dfr);
        e.scalars().put("ll", -0.5 * n * (Math.log(2 * Math.PI) + Math.log(f.rss() / n) + 1));
        e.scalars().put("ll_0", -0.5 * n * (Math.log(2 * Math.PI) + Math.log(f.tss() / n) + 1));
        e.scalars().put("rank", (double) f.k());
        e.macros().put("cmdline", ("regress " + call.args().strip()).strip());
        e.macros().put("title", "Linear regression");
        e.macros().put("marginsok", "XB default");
        e.macros().put("vce", "ols");
        e.macros().put("depvar", y.name());
        e.macros().put("cmd", "regress");
        e.macros().put("properties", "b V");
        e.macros().put("predict", "regres_p");
        e.macros().put("model", "ols");
        e.macros().put("estat_cmd", "regress_estat");
        List<String> names = new ArrayList<>();
        for (Variable x : xs) {
            names.add(x.name());
        }
        names.add("_cons");
        e.matrices().put("b", Matrix.of(new double[][]{f.b()}, List.of("y1"), names, false));
        e.matrices().put("V", Matrix.of(f.v(), names, names, true));
        e.setSample(sample);
    }

    private static void print(Output out, Session s, Variable y, List<Variable> xs, Ols f, int level) {
        boolean v17 = s.version() >= 17;
        int n = f.n();
        int dfm = f.k() - 1;
        int dfr = n - f.k();
        double mss = f.tss() - f.rss();
        double fstat = dfm > 0 ? (mss / dfm) / (f.rss() / dfr) : Missing.SYSMISS;
        double r2 = mss / f.tss();
        out.newline();
        out.txt(String.format("      Source |       SS           df       MS      %-15s = %9s", "Number of obs",
                NumberFormat.commas(n)));
        out.txt(String.format("-------------+----------------------------------   %-15s = %9s",
                "F(" + dfm + ", " + dfr + ")", NumberFormat.fixed(fstat, 2, false)));
        out.txt(anova("Model", mss, dfm, "Prob > F", NumberFormat.fixed(Distributions.fTail(dfm, dfr, fstat), 4,
                false)));
        out.txt(anova("Residual", f.rss(), dfr, "R-squared", NumberFormat.fixed(r2, 4, false)));
        out.txt(String.format("-------------+----------------------------------   %-15s = %9s", "Adj R-squared",
                NumberFormat.fixed(1 - (1 - r2) * (n - 1) / dfr, 4, false)));
        out.txt(anova("Total", f.tss(), n - 1, "Root MSE", significant(Math.sqrt(f.rss() / dfr), 5)));
        out.newline();
        String rule = "-".repeat(78);
        out.txt(rule);
        String ci = "[" + level + "% " + (v17 ? "conf. interval]" : "Conf. Interval]");
        if (v17) {
            out.txt(String.format("%12s | Coefficient  Std. err.      t    P>|t|     %s", abbreviated(y), ci));
        } else {
            out.txt(String.format("%12s |      Coef.   Std. Err.      t    P>|t|     %s", abbreviated(y), ci));
        }
        out.txt("-------------+----------------------------------------------------------------");
        double crit = Distributions.invTTail(dfr, (1 - level / 100.0) / 2);
        for (int j = 0; j < f.k(); j++) {
            String name = j < xs.size() ? abbreviated(xs.get(j)) : "_cons";
            double b = f.b()[j];
            double se = Math.sqrt(f.v()[j][j]);
            double t = b / se;
            double p = 2 * Distributions.tTail(dfr, Math.abs(t));
            out.print(Style.TXT, String.format("%12s |", name));
            out.println(Style.RES, String.format("%11s%11s%9s%8s%13s%12s", g(b), g(se),
                    NumberFormat.fixed(t, 2, false), NumberFormat.fixed(p, 3, false), g(b - crit * se),
                    g(b + crit * se)));
        }
        out.txt(rule);
    }

    private static String anova(String source, double ss, int df, String label, String value) {
        return String.format("%12s |%12s%10s%12s   %-15s = %9s", source, NumberFormat.general(ss, 10, false), df,
                NumberFormat.general(ss / df, 10, false), label, value);
    }

    private static String abbreviated(Variable v) {
        return Summarize.abbreviate(v.name(), 12);
    }

    private static String g(double x) {
        return NumberFormat.general(x, 8, false);
    }

    private static String significant(double x, int digits) {
        NumberFormat f = NumberFormat.parse("%9." + digits + "g");
        return f.format(x).strip();
    }
}

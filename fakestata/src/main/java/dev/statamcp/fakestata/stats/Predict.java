package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.StorageType;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.session.Session;

/** {@code predict newvar [if] [in] [, xb residuals]} after {@code regress}. */
public final class Predict {
    private Predict() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("XB", "Residuals", "STDP");
        Session s = call.session();
        Dataset d = s.data();
        if (!"regress".equals(s.e().macros().get("cmd"))) {
            throw StataError.of(301, "last estimates not found");
        }
        String[] lhs = syn.main().split("\\s+");
        String name = lhs[lhs.length - 1];
        StorageType type = lhs.length == 2 ? StorageType.parse(lhs[0]) : StorageType.FLOAT;
        if (name.isEmpty() || type == null || type.isString()) {
            throw StataError.of(198, "invalid syntax");
        }
        if (d.hasExact(name)) {
            throw StataError.of(110, "variable " + name + " already defined");
        }
        boolean residuals = syn.options().has("residuals");
        if (!residuals && !syn.options().has("xb")) {
            call.out().txt("(option xb assumed; fitted values)");
        }
        Matrix b = s.e().matrices().get("b");
        int p = b.cols() - 1;
        Variable[] xs = new Variable[p];
        for (int j = 0; j < p; j++) {
            xs[j] = d.require(b.colNames().get(j));
        }
        Variable y = d.require(s.e().macros().get("depvar"));
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        Variable out = d.add(name, type);
        int missing = 0;
        for (int i = 0; i < d.n(); i++) {
            double fit = sel.has(i) ? b.get(0, p) : Missing.SYSMISS;
            for (int j = 0; j < p && !Missing.is(fit); j++) {
                double x = xs[j].num(i);
                fit = Missing.is(x) ? Missing.SYSMISS : fit + b.get(0, j) * x;
            }
            double value = fit;
            if (residuals && !Missing.is(fit)) {
                value = Missing.is(y.num(i)) ? Missing.SYSMISS : y.num(i) - fit;
            }
            out.set(i, value);
            if (Missing.is(value)) {
                missing++;
            }
        }
        d.setChanged(true);
        if (missing > 0) {
            call.out().txt("(" + NumberFormat.commas(missing) + " missing value" + (missing == 1 ? "" : "s")
                    + " generated)");
        }
    }
}

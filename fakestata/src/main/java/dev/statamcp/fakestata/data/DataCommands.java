package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code clear}, {@code set obs}, {@code drop} and {@code keep}. */
public final class DataCommands {
    private DataCommands() {
    }

    public static void clear(Call call) {
        String what = call.args().strip();
        Session s = call.session();
        switch (what) {
            case "", "data" -> s.data().clear();
            case "all", "*" -> {
                s.data().clear();
                s.programs().clear();
                s.scalars().clear();
                s.matrices().clear();
                s.r().clear();
                s.e().clear();
                s.s().clear();
                s.graphs().dropAll();
                // Stata's clear all also closes the files opened with file open
                s.files().closeAll();
            }
            case "results" -> {
                s.r().clear();
                s.e().clear();
                s.s().clear();
            }
            case "programs" -> s.programs().clear();
            case "matrix" -> s.matrices().clear();
            case "scalars" -> s.scalars().clear();
            case "ado", "mata", "frames" -> { }
            default -> throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code set obs N}: adds missing observations; Stata 17 and later word the note differently. */
    public static void setObs(Call call, String value) {
        Session s = call.session();
        int n;
        try {
            double d = call.interpreter().evaluate(value).asNumber();
            if (d != Math.rint(d) || d < 0 || d > 2_000_000_000) {
                throw StataError.of(198, "invalid syntax");
            }
            n = (int) d;
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
        int old = s.data().n();
        if (n < old) {
            throw StataError.of(198, "observation number out of range;\n"
                    + "    observation number must be greater than or equal to " + NumberFormat.commas(old));
        }
        s.data().setN(n);
        if (n != old) {
            s.data().setChanged(true);
        }
        if (s.version() >= 17) {
            call.out().txt("Number of observations (_N) was " + NumberFormat.commas(old) + ", now "
                    + NumberFormat.commas(n) + ".");
        } else {
            call.out().txt("obs was " + old + ", now " + n);
        }
    }

    /** {@code drop varlist}, {@code drop if exp}, {@code drop in range}; {@code keep} the same, inverted. */
    public static void dropOrKeep(Call call, boolean keep) {
        Syntax syn = call.syntax();
        Session s = call.session();
        Dataset data = s.data();
        if (syn.ifExp() == null && syn.inRange() == null) {
            if (syn.main().isEmpty()) {
                throw StataError.of(100, "varlist required");
            }
            List<Variable> vars = Varlist.expand(data, syn.main());
            List<Variable> drop = new ArrayList<>();
            for (Variable v : data.variables()) {
                if (vars.contains(v) != keep) {
                    drop.add(v);
                }
            }
            for (Variable v : drop) {
                data.drop(v);
            }
            data.setChanged(true);
            return;
        }
        if (!syn.main().isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        RowSelection sel = RowSelection.of(call.interpreter(), data, syn.ifExp(), syn.inRange());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.n(); i++) {
            if (sel.has(i) == keep) {
                rows.add(i);
            }
        }
        int removed = data.n() - rows.size();
        data.keepRows(rows.stream().mapToInt(Integer::intValue).toArray());
        if (removed > 0) {
            data.setChanged(true);
        }
        call.out().txt("(" + NumberFormat.commas(removed) + " observation" + (removed == 1 ? "" : "s")
                + " deleted)");
    }
}

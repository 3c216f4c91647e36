package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.CValues;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * {@code describe [varlist] [, short simple]} in the layout of Stata 17 and later (Stata 16's when emulating 16).
 * With a varlist Stata shows only the table of those variables, without the dataset header and the sort line;
 * {@code short} shows only the header, whatever the varlist (which must still name existing variables).
 */
public final class Describe {
    private Describe() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Short", "SIMple", "Fullnames", "NUMbers");
        Session s = call.session();
        Dataset d = s.data();
        Output out = call.out();
        boolean v17 = s.version() >= 17;
        List<Variable> vars = syn.main().isEmpty() ? d.variables() : Varlist.expand(d, syn.main());
        ResultSet r = s.r();
        r.clear();
        r.scalars().put("N", (double) d.n());
        r.scalars().put("k", (double) d.k());
        r.scalars().put("width", CValues.get(s, "width").asNumber());
        r.scalars().put("changed", d.changed() ? 1.0 : 0.0);
        if (syn.options().has("simple")) {
            out.txt(String.join("  ", vars.stream().map(Variable::name).toList()));
            return;
        }
        String rule = "-".repeat(Math.max(40, s.settings().linesize - 1));
        boolean onlyTable = !syn.main().isEmpty() && !syn.options().has("short");
        out.newline();
        if (onlyTable) {
            table(out, vars, rule, v17);
            return;
        }
        out.txt(d.filename().isEmpty() ? "Contains data" : "Contains data from " + d.filename());
        String obs = NumberFormat.commas(d.n());
        String k = NumberFormat.commas(d.k());
        if (v17) {
            out.txt(pad(String.format(" Observations:%14s", obs), d.label()));
            out.txt(pad(String.format("    Variables:%14s", k), d.timestamp()));
        } else {
            out.txt(pad(String.format("  obs:%14s", obs), d.label()));
            out.txt(pad(String.format(" vars:%14s", k), d.timestamp()));
        }
        if (syn.options().has("short")) {
            out.txt(sortedBy(d, v17));
            return;
        }
        out.txt(rule);
        table(out, vars, rule, v17);
        out.txt(rule);
        out.txt(sortedBy(d, v17));
    }

    private static void table(Output out, List<Variable> vars, String rule, boolean v17) {
        if (v17) {
            out.txt("Variable      Storage   Display    Value");
            out.txt("    name         type    format    label      Variable label");
        } else {
            out.txt("              storage   display    value");
            out.txt("variable name   type    format     label      variable label");
        }
        out.txt(rule);
        for (Variable v : vars) {
            String line = String.format("%-15s %-7s %-10s %-10s %s", v.name(), v.type().name(), v.format(),
                    v.valueLabel(), v.label());
            out.txt(line.stripTrailing());
        }
    }

    private static String pad(String left, String right) {
        if (right.isEmpty()) {
            return left;
        }
        return String.format("%-46s%s", left, right);
    }

    private static String sortedBy(Dataset d, boolean v17) {
        String by = String.join(" ", d.sortedBy());
        String text = (v17 ? "Sorted by: " : "Sorted by: ") + by;
        if (d.changed() && !d.filename().isEmpty()) {
            text = text + "\n     Note: Dataset has changed since last saved.";
        }
        return text.stripTrailing();
    }
}

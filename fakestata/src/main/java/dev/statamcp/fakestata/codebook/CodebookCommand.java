package dev.statamcp.fakestata.codebook;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.data.Varlist;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.session.Session;
import dev.statamcp.fakestata.stats.Moments;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code codebook [varlist] [if] [in] [, compact tabulate(#)]}: a description of each variable (see
 * {@link CodebookEntry}), or with {@code compact} one line per variable (observations, unique values, mean, min,
 * max, label). Other codebook options (header, notes, mv, problems, detail) are not emulated.
 */
public final class CodebookCommand {
    private CodebookCommand() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Compact", "TABulate");
        Session s = call.session();
        Dataset d = s.data();
        List<Variable> vars = Varlist.expand(d, syn.main());
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        int width = Math.max(40, s.settings().linesize - 1);
        Output out = call.out();
        if (syn.options().has("compact")) {
            compact(out, vars, sel, width);
            return;
        }
        int limit = syn.options().integer("tabulate", 9);
        for (Variable v : vars) {
            s.poll();
            CodebookEntry.print(out, d, v, sel, limit, width);
        }
    }

    /** The compact table; the name column fits the longest name, Min and Max fit their widest value. */
    private static void compact(Output out, List<Variable> vars, RowSelection sel, int width) {
        int nameWidth = "Variable".length() + 1;
        List<String[]> rows = new ArrayList<>();
        int minWidth = 3;
        int maxWidth = 3;
        for (Variable v : vars) {
            nameWidth = Math.max(nameWidth, v.name().length());
            VariableFacts f = VariableFacts.of(v, sel);
            String mean = ".";
            String min = ".";
            String max = ".";
            if (!v.isString()) {
                Moments m = Moments.of(v, sel);
                mean = CodebookEntry.g(m.mean());
                min = CodebookEntry.g(m.min());
                max = CodebookEntry.g(m.max());
            }
            minWidth = Math.max(minWidth, min.length());
            maxWidth = Math.max(maxWidth, max.length());
            rows.add(new String[]{v.name(), NumberFormat.commas(f.total() - f.missing()),
                NumberFormat.commas(f.unique()), mean, min, max, v.label()});
        }
        String layout = "%-" + nameWidth + "s%5s%7s%10s%" + (minWidth + 2) + "s%" + (maxWidth + 2) + "s  %s";
        out.newline();
        out.txt(String.format(layout, "Variable", "Obs", "Unique", "Mean", "Min", "Max", "Label"));
        out.txt("-".repeat(width));
        for (String[] r : rows) {
            out.txt(String.format(layout, (Object[]) r).stripTrailing());
        }
        out.txt("-".repeat(width));
    }
}

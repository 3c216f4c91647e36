package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code list [varlist] [if] [in] [, clean noobs separator(#) nolabel]}: boxed rows {@code   1. | ... |} with a
 * separator line every 5 observations; {@code clean} prints the same columns without borders and separators,
 * {@code noobs} drops the observation numbers (the table is then indented by two spaces). Columns are as wide as their widest shown value or name; a table wider
 * than the line is split into several tables (the emulator's simplification of Stata's wrapped layout).
 */
public final class ListCommand {
    private ListCommand() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Clean", "NOObs", "SEParator", "NOLabel", "ABbreviate", "Table", "Display",
                "SEPby", "Header", "NOHeader", "String", "Fast");
        Session s = call.session();
        Dataset d = s.data();
        List<Variable> vars = Varlist.expand(d, syn.main());
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            if (sel.has(i)) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        boolean noLabel = syn.options().has("nolabel");
        boolean clean = syn.options().has("clean");
        boolean noObs = syn.options().has("noobs");
        int separator = syn.options().integer("separator", 5);
        int linesize = s.settings().linesize;
        // the observation numbers take a column; without them the table is indented by two spaces, as Stata's
        int obsWidth = noObs ? 2 : Math.max(5, String.valueOf(rows.get(rows.size() - 1) + 1).length() + 2);
        List<List<Variable>> chunks = new ArrayList<>();
        List<Variable> current = new ArrayList<>();
        int width = obsWidth + 4;
        for (Variable v : vars) {
            int w = columnWidth(d, v, rows, noLabel) + 3;
            if (!current.isEmpty() && width + w > linesize) {
                chunks.add(current);
                current = new ArrayList<>();
                width = obsWidth + 4;
            }
            current.add(v);
            width += w;
        }
        chunks.add(current);
        Output out = call.out();
        for (List<Variable> chunk : chunks) {
            table(out, s, d, chunk, rows, noLabel, clean, noObs, separator, obsWidth);
        }
    }

    private static void table(Output out, Session s, Dataset d, List<Variable> vars, List<Integer> rows,
                              boolean noLabel, boolean clean, boolean noObs, int separator, int obsWidth) {
        int[] widths = new int[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            widths[j] = columnWidth(d, vars.get(j), rows, noLabel);
        }
        // clean is the boxed table with its borders blanked: same columns, spaces where the | were
        String left = clean ? " " : "|";
        String right = clean ? " " : "|";
        String lead = " ".repeat(obsWidth);
        StringBuilder header = new StringBuilder();
        for (int j = 0; j < vars.size(); j++) {
            if (j > 0) {
                header.append("   ");
            }
            header.append(align(vars.get(j).name(), widths[j], vars.get(j).isString()));
        }
        int inner = header.length() + 2;
        out.newline();
        if (!clean) {
            out.txt(lead + "+" + "-".repeat(inner) + "+");
        }
        out.txt(lead + left + " " + header + " " + right);
        if (!clean) {
            out.txt(lead + "|" + "-".repeat(inner) + "|");
        }
        for (int r = 0; r < rows.size(); r++) {
            s.poll();
            if (!clean && separator > 0 && r > 0 && r % separator == 0) {
                out.txt(lead + "|" + "-".repeat(inner) + "|");
            }
            int obs = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < vars.size(); j++) {
                if (j > 0) {
                    line.append("   ");
                }
                Variable v = vars.get(j);
                line.append(align(cell(d, v, obs, noLabel), widths[j], v.isString()));
            }
            String number = noObs ? lead : String.format("%" + (obsWidth - 1) + "s", (obs + 1) + ".") + " ";
            out.print(Style.TXT, number + left + " ");
            out.print(Style.RES, line.toString());
            out.println(Style.TXT, " " + right);
        }
        if (!clean) {
            out.txt(lead + "+" + "-".repeat(inner) + "+");
        }
    }

    private static int columnWidth(Dataset d, Variable v, List<Integer> rows, boolean noLabel) {
        int w = v.name().length();
        for (int obs : rows) {
            w = Math.max(w, cell(d, v, obs, noLabel).length());
        }
        return w;
    }

    private static String cell(Dataset d, Variable v, int obs, boolean noLabel) {
        if (noLabel && !v.isString()) {
            dev.statamcp.fakestata.lang.NumberFormat f = dev.statamcp.fakestata.lang.NumberFormat.parse(v.format());
            return f == null ? String.valueOf(v.num(obs)) : f.format(v.num(obs)).strip();
        }
        return d.display(v, obs);
    }

    private static String align(String text, int width, boolean left) {
        String pad = " ".repeat(Math.max(0, width - text.length()));
        return left ? text + pad : pad + text;
    }
}

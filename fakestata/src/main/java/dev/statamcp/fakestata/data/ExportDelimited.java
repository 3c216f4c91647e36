package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.session.Session;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export delimited [varlist] using file [if] [in] [, replace delimiter() nolabel novarnames]}: a header of
 * names, then one line per observation; value labels are written instead of codes unless {@code nolabel}.
 */
public final class ExportDelimited {
    private ExportDelimited() {
    }

    public static void run(Call call) {
        String text = call.args().strip();
        String sub = text.split("\\s+", 2)[0];
        if (!sub.startsWith("delim")) {
            throw StataError.of(198, "invalid syntax");
        }
        Syntax syn = Syntax.parse(text.substring(sub.length()), "replace", "DELIMiter", "NOLabel", "NOVARnames",
                "DATAfmt", "Quote");
        Session s = call.session();
        Dataset d = s.data();
        String file = syn.using();
        if (file == null) {
            String main = Quotes.strip(syn.main());
            if (main.isEmpty()) {
                throw StataError.of(100, "using required");
            }
            file = main;
        }
        String shown = file.contains(".") ? file : file + ".csv";
        Path path = s.resolve(shown);
        List<Variable> vars = syn.using() == null ? Varlist.expand(d, "") : Varlist.expand(d, syn.main());
        boolean exists = Files.exists(path);
        if (exists && !syn.options().has("replace")) {
            throw StataError.of(602, "file " + shown + " already exists");
        }
        if (!exists && syn.options().has("replace")) {
            FileNotes.notFound(s, shown);
        }
        String delim = syn.options().has("delimiter") ? Quotes.strip(syn.options().get("delimiter")) : ",";
        if (delim.equals("tab")) {
            delim = "\t";
        }
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        boolean labels = !syn.options().has("nolabel");
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            if (!syn.options().has("novarnames")) {
                w.write(String.join(delim, vars.stream().map(Variable::name).toList()));
                w.write('\n');
            }
            for (int i = 0; i < d.n(); i++) {
                if (!sel.has(i)) {
                    continue;
                }
                for (int j = 0; j < vars.size(); j++) {
                    if (j > 0) {
                        w.write(delim);
                    }
                    w.write(cell(d, vars.get(j), i, labels, delim));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw StataError.of(603, "file " + shown + " could not be opened");
        }
        FileNotes.saved(call.out(), shown);
    }

    private static String cell(Dataset d, Variable v, int obs, boolean labels, String delim) {
        if (v.isString()) {
            String x = v.str(obs);
            return x.contains(delim) || x.contains("\"") ? "\"" + x.replace("\"", "\"\"") + "\"" : x;
        }
        double x = v.num(obs);
        if (Missing.is(x)) {
            return "";
        }
        if (labels && !v.valueLabel().isEmpty() && d.valueLabels().containsKey(v.valueLabel())) {
            String l = d.valueLabels().get(v.valueLabel()).labelOf(x);
            if (l != null) {
                return l;
            }
        }
        if (v.type().equals(StorageType.FLOAT)) {
            // the shortest decimal that reads back as the same float, as Stata writes float variables
            String f = new java.math.BigDecimal(Float.toString((float) x)).stripTrailingZeros().toPlainString();
            return f.startsWith("0.") ? f.substring(1) : f.startsWith("-0.") ? "-" + f.substring(2) : f;
        }
        return NumberFormat.full(x);
    }
}

package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.exec.Tokens;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code count}, {@code sort}, {@code rename}, {@code format} and {@code label variable|define|values|data}. */
public final class VariableCommands {
    private VariableCommands() {
    }

    public static void count(Call call) {
        Syntax syn = call.syntax();
        Session s = call.session();
        RowSelection sel = RowSelection.of(call.interpreter(), s.data(), syn.ifExp(), syn.inRange());
        s.r().clear();
        s.r().scalars().put("N", (double) sel.count());
        call.out().txt(String.format("%6s", NumberFormat.commas(sel.count())));
    }

    public static void sort(Call call) {
        Session s = call.session();
        Dataset d = s.data();
        List<Variable> keys = Varlist.expand(d, call.args().strip());
        Integer[] order = new Integer[d.n()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> cmp = (a, b) -> 0;
        for (Variable v : keys) {
            Comparator<Integer> next = v.isString() ? Comparator.comparing(v::str)
                    : Comparator.comparingDouble(v::num);
            cmp = cmp.thenComparing(next);
        }
        java.util.Arrays.sort(order, cmp);
        d.keepRows(java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        d.setSortedBy(keys.stream().map(Variable::name).toList());
        d.setChanged(true);
    }

    public static void rename(Call call) {
        String[] w = call.args().strip().split("\\s+");
        if (w.length != 2) {
            throw StataError.of(198, "invalid syntax");
        }
        Dataset d = call.session().data();
        Variable v = d.require(w[0]);
        Generate.checkName(w[1]);
        if (d.hasExact(w[1])) {
            throw StataError.of(110, "variable " + w[1] + " already defined");
        }
        d.rename(v, w[1]);
        d.setChanged(true);
    }

    public static void format(Call call) {
        String text = call.args().strip();
        int pct = text.lastIndexOf('%');
        if (pct < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        String fmt = text.substring(pct).strip();
        if (NumberFormat.parse(fmt) == null) {
            throw StataError.of(120, "invalid %format");
        }
        for (Variable v : Varlist.expand(call.session().data(), text.substring(0, pct))) {
            v.setFormat(fmt);
        }
    }

    public static void label(Call call) {
        String text = call.args().strip();
        String sub = text.split("\\s+", 2)[0];
        String rest = text.substring(sub.length()).strip();
        Dataset d = call.session().data();
        switch (sub) {
            case "variable", "var" -> {
                String[] w = rest.split("\\s+", 2);
                d.require(w[0]).setLabel(w.length > 1 ? Quotes.strip(w[1]) : "");
            }
            case "data" -> d.setLabel(Quotes.strip(rest));
            case "define", "def" -> define(d, rest);
            case "values", "val" -> {
                String[] w = rest.split("\\s+");
                String name = w.length > 1 ? w[w.length - 1] : "";
                List<String> varNames = new ArrayList<>(List.of(w).subList(0, Math.max(1, w.length - 1)));
                for (Variable v : Varlist.expand(d, String.join(" ", varNames))) {
                    if (v.isString()) {
                        throw StataError.of(181, "may not label strings");
                    }
                    v.setValueLabel(name.equals(".") ? "" : name);
                }
            }
            case "drop" -> d.valueLabels().remove(rest);
            case "list", "dir" -> {
                for (ValueLabel vl : d.valueLabels().values()) {
                    call.out().txt(vl.name() + ":");
                    vl.labels().forEach((k, v) -> call.out().txt(String.format("%12s %s",
                            Missing.is(k) ? "." : NumberFormat.full(k), v)));
                }
            }
            default -> throw StataError.of(198, "invalid syntax");
        }
        d.setChanged(true);
    }

    private static void define(Dataset d, String rest) {
        String cleaned = rest.replaceAll(",\\s*(modify|replace|add)\\s*$", "");
        List<String> words = Tokens.raw(cleaned);
        if (words.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = words.get(0);
        ValueLabel vl = d.valueLabels().computeIfAbsent(name, ValueLabel::new);
        if (words.size() % 2 == 0) {
            throw StataError.of(198, "invalid syntax");
        }
        for (int i = 1; i + 1 < words.size(); i += 2) {
            try {
                vl.labels().put(Double.parseDouble(words.get(i)), Quotes.strip(words.get(i + 1)));
            } catch (NumberFormatException e) {
                throw StataError.of(198, "invalid syntax");
            }
        }
    }
}

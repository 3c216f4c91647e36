package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code scalar [define] name = exp}, {@code scalar list|dir [names]}, {@code scalar drop names|_all}. */
public final class ScalarCommand implements Command {

    @Override
    public void run(Call call) {
        String text = call.args().strip();
        Session s = call.session();
        String first = text.split("[\\s=]", 2)[0];
        String rest = text.substring(first.length()).strip();
        if (first.equals("list") || first.equals("dir") || first.equals("l") || first.equals("li")) {
            list(call, rest);
            return;
        }
        if (first.equals("drop")) {
            for (String n : rest.split("\\s+")) {
                if (n.equals("_all")) {
                    s.scalars().clear();
                } else if (s.scalars().remove(n) == null) {
                    throw StataError.of(111, "scalar " + n + " not found");
                }
            }
            return;
        }
        if (first.equals("define") || first.equals("de") || first.equals("def")) {
            text = rest;
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = text.substring(0, eq).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
            throw StataError.of(198, name + " invalid name");
        }
        Value v = call.interpreter().evaluate(text.substring(eq + 1));
        s.scalars().put(name, v);
    }

    private static void list(Call call, String names) {
        Map<String, Value> all = call.session().scalars();
        List<String> which = names.isEmpty() || names.equals("_all") ? new ArrayList<>(all.keySet())
                : List.of(names.split("\\s+"));
        for (String n : which) {
            Value v = all.get(n);
            if (v == null) {
                throw StataError.of(111, "scalar " + n + " not found");
            }
            String shown = v.isString() ? v.asString() : NumberFormat.general(v.asNumber(), 9, false);
            call.out().txt(String.format("%9s = %s", n, v.isString() ? shown : String.format("%10s", shown)));
        }
    }
}

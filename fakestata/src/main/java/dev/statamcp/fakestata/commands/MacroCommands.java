package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.ExtendedFunctions;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.exec.Temporaries;
import dev.statamcp.fakestata.exec.Tokens;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;
import java.util.Map;
import java.util.TreeMap;

/** {@code local}, {@code global}, {@code macro}, {@code args} and {@code tempvar/tempname/tempfile}. */
public final class MacroCommands {
    private MacroCommands() {
    }

    /** How a macro definition's right-hand side is written. */
    private interface Store {
        String get(String name);

        void set(String name, String value);
    }

    public static void local(Call call) {
        Frame f = call.frame();
        define(call, new Store() {
            @Override
            public String get(String name) {
                return f.get(name);
            }

            @Override
            public void set(String name, String value) {
                f.set(name, value);
            }
        });
    }

    public static void global(Call call) {
        Map<String, String> g = call.session().globals();
        define(call, new Store() {
            @Override
            public String get(String name) {
                return g.getOrDefault(name, "");
            }

            @Override
            public void set(String name, String value) {
                if (value.isEmpty()) {
                    g.remove(name);
                } else {
                    g.put(name, value);
                }
            }
        });
    }

    private static void define(Call call, Store store) {
        String text = call.args().strip();
        if (text.startsWith("++") || text.startsWith("--")) {
            String name = text.substring(2).strip();
            double v = number(store.get(name));
            store.set(name, NumberFormat.full(v + (text.charAt(0) == '+' ? 1 : -1)));
            return;
        }
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '='
                && text.charAt(i) != ':' && text.charAt(i) != '"' && text.charAt(i) != '`') {
            i++;
        }
        String name = text.substring(0, i);
        if (name.isEmpty() || name.length() > 31 || !name.matches("[A-Za-z_0-9][A-Za-z0-9_]*")) {
            throw StataError.of(198, (name.isEmpty() ? text : name) + " invalid name");
        }
        String rest = text.substring(i).strip();
        if (rest.startsWith("=")) {
            Value v = call.interpreter().evaluate(rest.substring(1));
            store.set(name, v.isString() ? v.asString() : NumberFormat.full(v.asNumber()));
        } else if (rest.startsWith(":")) {
            store.set(name, ExtendedFunctions.evaluate(rest.substring(1), call.session(), call.frame(),
                    call.interpreter()));
        } else {
            store.set(name, stripOuterQuotes(rest));
        }
    }

    /** {@code local x "a b"} stores {@code a b}; a string made of one quoted item loses those quotes only. */
    private static String stripOuterQuotes(String rest) {
        if (rest.startsWith("`\"")) {
            int end = dev.statamcp.fakestata.lang.Quotes.compoundEnd(rest, 0);
            if (end == rest.length() - 2) {
                return rest.substring(2, end);
            }
        } else if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            if (end == rest.length() - 1) {
                return rest.substring(1, end);
            }
        }
        return rest;
    }

    private static double number(String s) {
        try {
            return s.isBlank() ? 0 : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code macro drop|list|dir}. */
    public static void macro(Call call) {
        String[] w = call.args().strip().split("\\s+", 2);
        Session s = call.session();
        String sub = w[0];
        String rest = w.length > 1 ? w[1] : "";
        if (CommandTable.abbreviates(sub, "DROP")) {
            for (String name : rest.split("\\s+")) {
                if (name.equals("_all")) {
                    s.globals().clear();
                } else if (name.startsWith("_")) {
                    call.frame().set(name.substring(1), "");
                } else if (name.endsWith("*")) {
                    String p = name.substring(0, name.length() - 1);
                    s.globals().keySet().removeIf(k -> k.startsWith(p));
                } else {
                    s.globals().remove(name);
                }
            }
        } else if (CommandTable.abbreviates(sub, "List") || sub.equals("dir")) {
            for (Map.Entry<String, String> e : new TreeMap<>(s.globals()).entrySet()) {
                call.out().txt(String.format("%-12s %s", e.getKey() + ":", e.getValue()));
            }
            for (Map.Entry<String, String> e : new TreeMap<>(call.frame().all()).entrySet()) {
                call.out().txt(String.format("%-12s %s", "_" + e.getKey() + ":", e.getValue()));
            }
        } else {
            throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code args a b c}: names the do-file's or program's positional arguments. */
    public static void args(Call call) {
        String[] names = call.args().strip().split("\\s+");
        Frame f = call.frame();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].isEmpty()) {
                f.set(names[i], f.get(String.valueOf(i + 1)));
            }
        }
    }

    /** {@code tempvar}, {@code tempname}, {@code tempfile}: each name gets a fresh temporary name. */
    public static void temporary(String kind, Call call) {
        for (String name : Tokens.words(call.args())) {
            call.frame().set(name, Temporaries.name(call.session(), kind));
        }
    }
}

package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.session.Session;

/** {@code generate [type] newvar = exp [if] [in]} and {@code replace var = exp [if] [in]}. */
public final class Generate {
    private static final int POLL_EVERY = 65536;

    private Generate() {
    }

    public static void generate(Call call) {
        Syntax syn = call.syntax();
        Session s = call.session();
        Dataset data = s.data();
        String main = syn.main();
        int eq = main.indexOf('=');
        if (eq < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        String[] lhs = main.substring(0, eq).strip().split("\\s+");
        StorageType type = null;
        String name;
        if (lhs.length == 2) {
            type = StorageType.parse(lhs[0]);
            if (type == null) {
                throw StataError.of(198, "invalid syntax");
            }
            name = lhs[1];
        } else if (lhs.length == 1) {
            name = lhs[0];
        } else {
            throw StataError.of(198, "invalid syntax");
        }
        if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        checkName(name);
        if (data.hasExact(name)) {
            throw StataError.of(110, "variable " + name + " already defined");
        }
        Expr e = call.interpreter().compile(main.substring(eq + 1));
        if (type != null && type.isString() != e.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        RowSelection sel = RowSelection.of(call.interpreter(), data, syn.ifExp(), syn.inRange());
        int n = data.n();
        EvalContext c = new EvalContext(0, n);
        int missing = 0;
        if (e.isString()) {
            String[] values = new String[n];
            int width = 1;
            for (int i = 0; i < n; i++) {
                if (i % POLL_EVERY == POLL_EVERY - 1) {
                    s.poll();
                }
                c.obs = i;
                values[i] = sel.has(i) ? e.str(c) : "";
                width = Math.max(width, values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                if (values[i].isEmpty()) {
                    missing++;
                }
            }
            StorageType t = type != null ? type : width > 2045 ? StorageType.STRL : StorageType.str(width);
            Variable v = data.add(name, t);
            for (int i = 0; i < n; i++) {
                v.set(i, values[i]);
            }
        } else {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                if (i % POLL_EVERY == POLL_EVERY - 1) {
                    s.poll();
                }
                c.obs = i;
                values[i] = sel.has(i) ? e.num(c) : Missing.SYSMISS;
                if (Missing.is(values[i])) {
                    missing++;
                }
            }
            StorageType t = type != null ? type
                    : s.settings().type.equals("double") ? StorageType.DOUBLE : StorageType.FLOAT;
            Variable v = data.add(name, t);
            for (int i = 0; i < n; i++) {
                v.set(i, values[i]);
            }
        }
        data.setChanged(true);
        if (missing > 0) {
            call.out().txt("(" + NumberFormat.commas(missing) + " missing value" + (missing == 1 ? "" : "s")
                    + " generated)");
        }
    }

    public static void replace(Call call) {
        Syntax syn = call.syntax("NOPromote");
        Session s = call.session();
        Dataset data = s.data();
        String main = syn.main();
        int eq = main.indexOf('=');
        if (eq < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        Variable v = data.require(main.substring(0, eq).strip());
        Expr e = call.interpreter().compile(main.substring(eq + 1));
        if (e.isString() != v.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        RowSelection sel = RowSelection.of(call.interpreter(), data, syn.ifExp(), syn.inRange());
        int n = data.n();
        EvalContext c = new EvalContext(0, n);
        int changes = 0;
        int toMissing = 0;
        if (v.isString()) {
            String[] values = new String[n];
            int width = v.type().strWidth();
            for (int i = 0; i < n; i++) {
                c.obs = i;
                values[i] = sel.has(i) ? e.str(c) : v.str(i);
                width = Math.max(width, values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            }
            if (width > v.type().strWidth()) {
                StorageType wider = width > 2045 ? StorageType.STRL : StorageType.str(width);
                call.out().txt("variable " + v.name() + " was " + v.type() + " now " + wider);
                v.retype(wider);
            }
            for (int i = 0; i < n; i++) {
                if (!values[i].equals(v.str(i))) {
                    changes++;
                    if (values[i].isEmpty()) {
                        toMissing++;
                    }
                    v.set(i, values[i]);
                }
            }
        } else {
            double[] values = new double[n];
            boolean promote = false;
            for (int i = 0; i < n; i++) {
                if (i % POLL_EVERY == POLL_EVERY - 1) {
                    s.poll();
                }
                c.obs = i;
                values[i] = sel.has(i) ? e.num(c) : v.num(i);
                if (!v.type().holds(values[i])) {
                    promote = true;
                }
            }
            if (promote && !syn.options().has("nopromote")) {
                StorageType wider = wider(v.type(), values);
                call.out().txt("variable " + v.name() + " was " + v.type() + " now " + wider);
                v.retype(wider);
            }
            for (int i = 0; i < n; i++) {
                double old = v.num(i);
                v.set(i, values[i]);
                if (Double.compare(old, v.num(i)) != 0) {
                    changes++;
                    if (Missing.is(v.num(i))) {
                        toMissing++;
                    }
                }
            }
        }
        if (changes > 0) {
            data.setChanged(true);
        }
        String note = "(" + NumberFormat.commas(changes) + " real change" + (changes == 1 ? "" : "s") + " made";
        if (toMissing > 0) {
            note += ", " + NumberFormat.commas(toMissing) + " to missing";
        }
        call.out().txt(note + ")");
    }

    private static StorageType wider(StorageType from, double[] values) {
        boolean integral = true;
        for (double d : values) {
            if (!Missing.is(d) && d != Math.rint(d)) {
                integral = false;
                break;
            }
        }
        if (integral) {
            for (StorageType t : new StorageType[]{StorageType.INT, StorageType.LONG}) {
                boolean all = true;
                for (double d : values) {
                    if (!t.holds(d)) {
                        all = false;
                        break;
                    }
                }
                if (all && !t.equals(from)) {
                    return t;
                }
            }
            return StorageType.DOUBLE;
        }
        return from.equals(StorageType.LONG) ? StorageType.DOUBLE : StorageType.FLOAT;
    }

    static void checkName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}") || name.equals("_n") || name.equals("_N")
                || name.equals("_all") || name.equals("_cons") || name.equals("_b")) {
            throw StataError.of(198, name + " invalid name");
        }
    }
}

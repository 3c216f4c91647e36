package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;

/** The observations a command's {@code if} and {@code in} qualifiers select (missing counts as true in if). */
public final class RowSelection {
    private final boolean[] selected;
    private final int count;

    private RowSelection(boolean[] selected, int count) {
        this.selected = selected;
        this.count = count;
    }

    public static RowSelection of(Interpreter interp, Dataset data, String ifExp, String inRange) {
        int n = data.n();
        int from = 0;
        int to = n;
        if (inRange != null) {
            int[] r = range(inRange, n);
            from = r[0];
            to = r[1];
        }
        boolean[] sel = new boolean[n];
        int count = 0;
        Expr cond = ifExp == null ? null : interp.compile(ifExp);
        if (cond != null && cond.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        EvalContext c = new EvalContext(0, n);
        for (int i = from; i < to; i++) {
            if (cond != null) {
                c.obs = i;
                if (cond.num(c) == 0) {
                    continue;
                }
            }
            sel[i] = true;
            count++;
        }
        return new RowSelection(sel, count);
    }

    /** [from, to) 0-based for {@code in a/b}, {@code in #}, {@code in f/l}, {@code in -5/l}. */
    public static int[] range(String text, int n) {
        String t = text.replace(" ", "");
        int slash = t.indexOf('/');
        int a;
        int b;
        if (slash < 0) {
            a = obs(t, n);
            b = a;
        } else {
            a = obs(t.substring(0, slash), n);
            b = obs(t.substring(slash + 1), n);
        }
        if (a < 1 || b > n || a > b) {
            throw StataError.of(198, "Obs. nos. out of range");
        }
        return new int[]{a - 1, b};
    }

    private static int obs(String s, int n) {
        if (s.equals("f") || s.equals("F")) {
            return 1;
        }
        if (s.equals("l") || s.equals("L")) {
            return n;
        }
        try {
            int v = Integer.parseInt(s);
            return v < 0 ? n + v + 1 : v;
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    public boolean has(int obs) {
        return selected[obs];
    }

    public int count() {
        return count;
    }

    public int size() {
        return selected.length;
    }
}

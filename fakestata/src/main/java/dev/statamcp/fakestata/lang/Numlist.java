package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;
import java.util.ArrayList;
import java.util.List;

/** Stata numlists: {@code 1 2 3}, {@code 1/5}, {@code 0(5)20}, {@code 10(-2)0}, and mixtures of them. */
public final class Numlist {
    private Numlist() {
    }

    public static List<Double> parse(String text) {
        List<Double> out = new ArrayList<>();
        String t = text.trim().replaceAll("\\s*/\\s*", "/").replaceAll("\\s*\\(\\s*", "(")
                .replaceAll("\\s*\\)\\s*", ")");
        if (t.isEmpty()) {
            return out;
        }
        for (String part : t.split("\\s+")) {
            int slash = part.indexOf('/');
            int paren = part.indexOf('(');
            if (slash > 0) {
                range(number(part.substring(0, slash)), 1, number(part.substring(slash + 1)), out, true);
            } else if (paren > 0 && part.endsWith(")") == false && part.indexOf(')') > paren) {
                int close = part.indexOf(')');
                double step = number(part.substring(paren + 1, close));
                range(number(part.substring(0, paren)), step, number(part.substring(close + 1)), out, false);
            } else {
                out.add(number(part));
            }
        }
        return out;
    }

    /** Appends a..b by step; with {@code slash} a descending a/b counts down by one. */
    public static void range(double a, double step, double b, List<Double> out, boolean slash) {
        if (slash && b < a) {
            step = -1;
        }
        if (step == 0) {
            throw StataError.of(121, "invalid numlist");
        }
        if ((step > 0 && b < a) || (step < 0 && b > a)) {
            throw StataError.of(124, "invalid numlist has elements out of order");
        }
        double eps = Math.abs(step) * 1e-9;
        for (long k = 0; ; k++) {
            double v = a + k * step;
            if (step > 0 ? v > b + eps : v < b - eps) {
                break;
            }
            out.add(v);
            if (out.size() > 10_000_000) {
                throw StataError.of(123, "invalid numlist has too many elements");
            }
        }
    }

    public static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw StataError.of(121, "invalid numlist");
        }
    }
}

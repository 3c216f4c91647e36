package dev.statamcp.fakestata.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Row and column names as Stata keeps them: {@code name} or {@code eq:name}. A matrix without equation names
 * reports {@code _} as the equation of each row or column, and its full names are the plain names.
 */
public final class MatrixNames {
    private MatrixNames() {
    }

    /** The names without equations: {@code rownames}, {@code colnames}. */
    public static List<String> names(List<String> full) {
        List<String> out = new ArrayList<>(full.size());
        for (String n : full) {
            int colon = n.lastIndexOf(':');
            out.add(colon < 0 ? n : n.substring(colon + 1));
        }
        return out;
    }

    /** The equation of each name, {@code _} when it has none: {@code roweq}, {@code coleq}. */
    public static List<String> equations(List<String> full) {
        List<String> out = new ArrayList<>(full.size());
        for (String n : full) {
            int colon = n.lastIndexOf(':');
            out.add(colon <= 0 ? "_" : n.substring(0, colon));
        }
        return out;
    }

    /** {@code rowfullnames}, {@code colfullnames}: with {@code eq:} prefixes when any name has an equation. */
    public static List<String> fullNames(List<String> full) {
        boolean anyEquation = false;
        for (String n : full) {
            anyEquation |= n.indexOf(':') > 0;
        }
        if (!anyEquation) {
            return names(full);
        }
        List<String> out = new ArrayList<>(full.size());
        List<String> eqs = equations(full);
        List<String> plain = names(full);
        for (int i = 0; i < full.size(); i++) {
            out.add(eqs.get(i) + ":" + plain.get(i));
        }
        return out;
    }

    /** Sets the plain names, keeping the equations: {@code matrix rownames A = a b}. */
    public static List<String> withNames(List<String> full, List<String> newNames) {
        List<String> out = new ArrayList<>(full.size());
        List<String> eqs = equations(full);
        for (int i = 0; i < full.size(); i++) {
            String n = newNames.get(i);
            out.add(n.indexOf(':') > 0 || eqs.get(i).equals("_") ? n : eqs.get(i) + ":" + n);
        }
        return out;
    }

    /** Sets the equations, keeping the names: {@code matrix roweq A = eq1 eq2}. */
    public static List<String> withEquations(List<String> full, List<String> newEquations) {
        List<String> out = new ArrayList<>(full.size());
        List<String> plain = names(full);
        for (int i = 0; i < full.size(); i++) {
            String eq = newEquations.get(i);
            out.add(eq.equals("_") ? plain.get(i) : eq + ":" + plain.get(i));
        }
        return out;
    }

    /** Position of a name ({@code name} or {@code eq:name}) among the full names, 1-based, or 0. */
    public static int position(List<String> full, String wanted) {
        String w = wanted.strip();
        List<String> plain = names(full);
        List<String> fulls = fullNames(full);
        for (int i = 0; i < full.size(); i++) {
            if (w.indexOf(':') > 0 ? fulls.get(i).equals(w) || full.get(i).equals(w) : plain.get(i).equals(w)) {
                return i + 1;
            }
        }
        return 0;
    }
}

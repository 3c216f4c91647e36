package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.exec.StataError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Expands a varlist: names and unique abbreviations, {@code *}/{@code ?} wildcards, {@code a-b} ranges, _all. */
public final class Varlist {
    private Varlist() {
    }

    /** All variables when the text is empty or {@code _all}; a variable named twice is listed once. */
    public static List<Variable> expand(Dataset data, String text) {
        return expand(data, text, false);
    }

    /**
     * The same, but a variable named twice is listed twice, as graph commands read their varlist
     * ({@code scatter mpg mpg} plots mpg against itself).
     */
    public static List<Variable> expandKeepingRepeats(Dataset data, String text) {
        return expand(data, text, true);
    }

    private static List<Variable> expand(Dataset data, String text, boolean keepRepeats) {
        String t = text == null ? "" : text.trim().replaceAll("\\s*-\\s*", "-");
        if (t.isEmpty() || t.equals("_all") || t.equals("*")) {
            if (data.k() == 0) {
                throw StataError.of(111, "no variables defined");
            }
            return new ArrayList<>(data.variables());
        }
        java.util.Collection<Variable> out = keepRepeats ? new ArrayList<>() : new LinkedHashSet<>();
        for (String word : t.split("\\s+")) {
            if (word.equals("_all")) {
                out.addAll(data.variables());
            } else if (word.contains("*") || word.contains("?")) {
                Pattern p = Pattern.compile(word.replace("?", ".").replace("*", ".*"));
                boolean any = false;
                for (Variable v : data.variables()) {
                    if (p.matcher(v.name()).matches()) {
                        out.add(v);
                        any = true;
                    }
                }
                if (!any) {
                    throw notFound(data, word);
                }
            } else if (word.indexOf('-') > 0) {
                int dash = word.indexOf('-');
                Variable from = data.require(word.substring(0, dash));
                Variable to = data.require(word.substring(dash + 1));
                int a = data.indexOf(from);
                int b = data.indexOf(to);
                if (b < a) {
                    throw StataError.of(198, word + ":  variables out of order");
                }
                out.addAll(data.variables().subList(a, b + 1));
            } else {
                if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw StataError.of(198, word + " invalid name");
                }
                Variable v = data.find(word);
                if (v == null) {
                    throw notFound(data, word);
                }
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    private static StataError notFound(Dataset data, String word) {
        if (data.k() == 0) {
            return StataError.of(111, "no variables defined");
        }
        return StataError.of(111, "variable " + word + " not found");
    }
}

package dev.statamcp.fakestata.codebook;

import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.lang.Missing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What codebook reports about one variable over the selected observations: how many there are, how many are
 * missing, the distinct values with their frequencies (missing ones included, counted apart), and for strings the
 * sorted values and the longest length.
 *
 * @param total selected observations
 * @param missing missing ones ({@code .}, {@code .a}-{@code .z}, or {@code ""})
 * @param frequencies distinct values (Double or String) in sort order, missing values last, with their counts
 * @param unique distinct non-missing values
 * @param sortedStrings the non-missing string values, sorted (empty for numeric variables)
 * @param longest length of the longest string value
 */
record VariableFacts(int total, int missing, Map<Object, Integer> frequencies, int unique,
                     List<String> sortedStrings, int longest) {

    static VariableFacts of(Variable v, RowSelection sel) {
        Map<Object, Integer> freq = new TreeMap<>(VariableFacts::compare);
        List<String> strings = new ArrayList<>();
        int total = 0;
        int missing = 0;
        int longest = 0;
        for (int i = 0; i < sel.size(); i++) {
            if (!sel.has(i)) {
                continue;
            }
            total++;
            Object key;
            if (v.isString()) {
                String x = v.str(i);
                longest = Math.max(longest, x.length());
                if (x.isEmpty()) {
                    missing++;
                } else {
                    strings.add(x);
                }
                key = x;
            } else {
                double x = v.num(i);
                if (Missing.is(x)) {
                    missing++;
                }
                key = x;
            }
            freq.merge(key, 1, Integer::sum);
        }
        Collections.sort(strings);
        int unique = 0;
        for (Object k : freq.keySet()) {
            if (!isMissing(k)) {
                unique++;
            }
        }
        return new VariableFacts(total, missing, freq, unique, strings, longest);
    }

    static boolean isMissing(Object value) {
        return value instanceof String s ? s.isEmpty() : Missing.is((Double) value);
    }

    /** Numbers ascending with missing values after them; strings in byte order with "" last. */
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            if (x.isEmpty() || y.isEmpty()) {
                return Boolean.compare(x.isEmpty(), y.isEmpty());
            }
            return x.compareTo(y);
        }
        return Double.compare((Double) a, (Double) b);
    }

    /** Non-missing numbers, in order (for range and units). */
    List<Double> numbers() {
        List<Double> out = new ArrayList<>();
        for (Object k : frequencies.keySet()) {
            if (k instanceof Double d && !Missing.is(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The largest power of ten every value is a whole multiple of (within float precision): 10 for weights in
     * tens, .01 for gear ratios. Missing when there is no value; 1 when all are zero.
     */
    double units() {
        List<Double> xs = numbers();
        if (xs.isEmpty()) {
            return Missing.SYSMISS;
        }
        double largest = 0;
        for (double x : xs) {
            largest = Math.max(largest, Math.abs(x));
        }
        if (largest == 0) {
            return 1;
        }
        for (int k = (int) Math.floor(Math.log10(largest)); k >= -8; k--) {
            double u = Math.pow(10, k);
            boolean whole = true;
            for (double x : xs) {
                double q = x / u;
                if (Math.abs(q - Math.rint(q)) > 1e-5 * Math.max(1, Math.abs(q))) {
                    whole = false;
                    break;
                }
            }
            if (whole) {
                return k < 0 ? Double.parseDouble("1e" + k) : u;
            }
        }
        return 1e-8;
    }
}

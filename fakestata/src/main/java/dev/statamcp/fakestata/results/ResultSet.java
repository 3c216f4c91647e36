package dev.statamcp.fakestata.results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored results of one class, r(), e() or s(): scalars, macros, matrices and (for e()) the estimation
 * sample. Insertion order is the order {@code return list} shows.
 */
public final class ResultSet {
    private final char kind;
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, String> macros = new LinkedHashMap<>();
    private final Map<String, Matrix> matrices = new LinkedHashMap<>();
    private boolean[] sample;

    public ResultSet(char kind) {
        this.kind = kind;
    }

    /** 'r', 'e' or 's'. */
    public char kind() {
        return kind;
    }

    public Map<String, Double> scalars() {
        return scalars;
    }

    public Map<String, String> macros() {
        return macros;
    }

    public Map<String, Matrix> matrices() {
        return matrices;
    }

    public boolean[] sample() {
        return sample;
    }

    public void setSample(boolean[] sample) {
        this.sample = sample;
    }

    public boolean isEmpty() {
        return scalars.isEmpty() && macros.isEmpty() && matrices.isEmpty() && sample == null;
    }

    public void clear() {
        scalars.clear();
        macros.clear();
        matrices.clear();
        sample = null;
    }

    public ResultSet copy() {
        ResultSet c = new ResultSet(kind);
        c.scalars.putAll(scalars);
        c.macros.putAll(macros);
        c.matrices.putAll(matrices);
        c.sample = sample;
        return c;
    }

    public void replaceWith(ResultSet other) {
        clear();
        scalars.putAll(other.scalars);
        macros.putAll(other.macros);
        matrices.putAll(other.matrices);
        sample = other.sample;
    }
}

package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.exec.StataError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dataset in memory: variables in order, the number of observations, labels and bookkeeping flags. */
public final class Dataset {
    private final List<Variable> variables = new ArrayList<>();
    private final Map<String, Variable> byName = new HashMap<>();
    private final Map<String, ValueLabel> valueLabels = new LinkedHashMap<>();
    private int n;
    private boolean changed;
    private String label = "";
    private String filename = "";
    private String timestamp = "";
    private List<String> sortedBy = List.of();

    public int n() {
        return n;
    }

    public int k() {
        return variables.size();
    }

    public boolean isEmpty() {
        return variables.isEmpty() && n == 0;
    }

    public List<Variable> variables() {
        return Collections.unmodifiableList(variables);
    }

    public boolean changed() {
        return changed;
    }

    public void setChanged(boolean changed) {
        this.changed = changed;
    }

    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String filename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String timestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    public List<String> sortedBy() {
        return sortedBy;
    }

    public void setSortedBy(List<String> sortedBy) {
        this.sortedBy = List.copyOf(sortedBy);
    }

    public Map<String, ValueLabel> valueLabels() {
        return valueLabels;
    }

    /** Exact name, else a unique abbreviation; null when nothing matches; r(111) when ambiguous. */
    public Variable find(String name) {
        Variable v = byName.get(name);
        if (v != null) {
            return v;
        }
        Variable match = null;
        for (Variable candidate : variables) {
            if (candidate.name().startsWith(name)) {
                if (match != null) {
                    throw StataError.of(111, name + " ambiguous abbreviation");
                }
                match = candidate;
            }
        }
        return match;
    }

    /** Like {@link #find} but a missing variable is r(111) {@code variable x not found}. */
    public Variable require(String name) {
        Variable v = find(name);
        if (v == null) {
            if (variables.isEmpty()) {
                throw StataError.of(111, "no variables defined");
            }
            throw StataError.of(111, "variable " + name + " not found");
        }
        return v;
    }

    public boolean hasExact(String name) {
        return byName.containsKey(name);
    }

    public int indexOf(Variable v) {
        return variables.indexOf(v);
    }

    /** Adds a new variable (missing or empty values) at the end. */
    public Variable add(String name, StorageType type) {
        Variable v = new Variable(name, type, Math.max(n, 16));
        variables.add(v);
        byName.put(name, v);
        return v;
    }

    public void drop(Variable v) {
        variables.remove(v);
        byName.remove(v.name());
        sortedBy = sortedBy.contains(v.name()) ? List.of() : sortedBy;
    }

    public void rename(Variable v, String newName) {
        byName.remove(v.name());
        v.rename(newName);
        byName.put(newName, v);
    }

    /** Sets _N; new observations are missing, removed ones are gone. */
    public void setN(int newN) {
        for (Variable v : variables) {
            v.ensureCapacity(newN);
            if (newN < n) {
                v.clearFrom(newN);
            }
        }
        this.n = newN;
    }

    /** Keeps the given observations (0-based indices) in the given order. */
    public void keepRows(int[] order) {
        for (Variable v : variables) {
            v.reorder(order);
        }
        this.n = order.length;
    }

    public void clear() {
        variables.clear();
        byName.clear();
        valueLabels.clear();
        n = 0;
        changed = false;
        label = "";
        filename = "";
        timestamp = "";
        sortedBy = List.of();
    }

    /** The text shown for an observation of a variable under its display format and value label. */
    public String display(Variable v, int obs) {
        if (v.isString()) {
            return v.str(obs);
        }
        double x = v.num(obs);
        if (!v.valueLabel().isEmpty()) {
            ValueLabel vl = valueLabels.get(v.valueLabel());
            String l = vl == null ? null : vl.labelOf(x);
            if (l != null) {
                return l;
            }
        }
        dev.statamcp.fakestata.lang.NumberFormat f = dev.statamcp.fakestata.lang.NumberFormat.parse(v.format());
        return f == null ? dev.statamcp.fakestata.lang.NumberFormat.full(x) : f.format(x).trim();
    }
}

package dev.statamcp.fakestata.data;

import java.util.TreeMap;

/** A value label set ({@code label define origin 0 "Domestic" 1 "Foreign"}). */
public record ValueLabel(String name, TreeMap<Double, String> labels) {
    public ValueLabel(String name) {
        this(name, new TreeMap<>());
    }

    /** The label of a value, or null when it has none. */
    public String labelOf(double v) {
        return labels.get(v);
    }
}

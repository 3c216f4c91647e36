package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.lang.Missing;
import java.util.Arrays;

/** One column of the dataset: name, storage type, display format, labels and the values. */
public final class Variable {
    private String name;
    private StorageType type;
    private String format;
    private String label = "";
    private String valueLabel = "";
    private double[] numbers;
    private String[] strings;

    public Variable(String name, StorageType type, int capacity) {
        this.name = name;
        this.type = type;
        this.format = type.defaultFormat();
        if (type.isString()) {
            strings = new String[Math.max(capacity, 1)];
            Arrays.fill(strings, "");
        } else {
            numbers = new double[Math.max(capacity, 1)];
            Arrays.fill(numbers, Missing.SYSMISS);
        }
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public StorageType type() {
        return type;
    }

    public boolean isString() {
        return type.isString();
    }

    public String format() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label == null ? "" : label;
    }

    public String valueLabel() {
        return valueLabel;
    }

    public void setValueLabel(String valueLabel) {
        this.valueLabel = valueLabel == null ? "" : valueLabel;
    }

    public double num(int obs) {
        return numbers[obs];
    }

    public String str(int obs) {
        return strings[obs];
    }

    /** Stores a number, rounded as the storage type rounds it. */
    public void set(int obs, double v) {
        numbers[obs] = type.store(v);
    }

    public void set(int obs, String s) {
        strings[obs] = s;
    }

    /** Changes the storage type, converting the stored values (numeric to numeric, or str width). */
    public void retype(StorageType newType) {
        if (newType.isString() != type.isString()) {
            throw new IllegalArgumentException("cannot retype between string and numeric");
        }
        boolean keepFormat = !format.equals(type.defaultFormat());
        this.type = newType;
        if (!keepFormat) {
            this.format = newType.defaultFormat();
        }
    }

    /** Makes room for at least {@code n} observations; new ones are missing or empty. */
    public void ensureCapacity(int n) {
        if (type.isString()) {
            if (strings.length < n) {
                int old = strings.length;
                strings = Arrays.copyOf(strings, Math.max(n, old * 2));
                Arrays.fill(strings, old, strings.length, "");
            }
        } else if (numbers.length < n) {
            int old = numbers.length;
            numbers = Arrays.copyOf(numbers, Math.max(n, old * 2));
            Arrays.fill(numbers, old, numbers.length, Missing.SYSMISS);
        }
    }

    /** Resets observations from {@code from} on to missing (used when _N shrinks). */
    public void clearFrom(int from) {
        if (type.isString()) {
            Arrays.fill(strings, Math.min(from, strings.length), strings.length, "");
        } else {
            Arrays.fill(numbers, Math.min(from, numbers.length), numbers.length, Missing.SYSMISS);
        }
    }

    /** Keeps the observations listed in {@code order} (0-based), in that order. */
    public void reorder(int[] order) {
        if (type.isString()) {
            String[] n = new String[Math.max(order.length, 1)];
            Arrays.fill(n, "");
            for (int i = 0; i < order.length; i++) {
                n[i] = strings[order[i]];
            }
            strings = n;
        } else {
            double[] n = new double[Math.max(order.length, 1)];
            Arrays.fill(n, Missing.SYSMISS);
            for (int i = 0; i < order.length; i++) {
                n[i] = numbers[order[i]];
            }
            numbers = n;
        }
    }
}

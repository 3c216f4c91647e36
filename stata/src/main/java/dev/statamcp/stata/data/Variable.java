package dev.statamcp.stata.data;

/**
 * A variable of the dataset in memory.
 *
 * @param type       storage type ({@code byte}, {@code int}, {@code float}, {@code str18}, {@code strL}, ...)
 * @param format     display format ({@code %9.0g}, {@code %-18s}, ...)
 * @param valueLabel name of the value label attached, or empty
 * @param label      variable label, or empty
 */
public record Variable(String name, String type, String format, String valueLabel, String label) {
    public boolean isString() {
        return type.startsWith("str");
    }
}

package dev.statamcp.fakestata.data;

import java.util.Locale;

/**
 * A Stata storage type: byte, int, long, float, double, strN or strL. Numbers stored in a float are rounded to
 * float precision, as in Stata, so {@code gear_ratio == 3.58} is false there as it is here.
 */
public record StorageType(String name, boolean isString, int strWidth) {
    public static final StorageType BYTE = new StorageType("byte", false, 0);
    public static final StorageType INT = new StorageType("int", false, 0);
    public static final StorageType LONG = new StorageType("long", false, 0);
    public static final StorageType FLOAT = new StorageType("float", false, 0);
    public static final StorageType DOUBLE = new StorageType("double", false, 0);
    public static final StorageType STRL = new StorageType("strL", true, 2_000_000_000);

    public static StorageType str(int width) {
        return new StorageType("str" + Math.max(1, width), true, Math.max(1, width));
    }

    /** Parses a type name, or returns null when it is not one. */
    public static StorageType parse(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        switch (w) {
            case "byte":
                return BYTE;
            case "int":
                return INT;
            case "long":
                return LONG;
            case "float":
                return FLOAT;
            case "double":
                return DOUBLE;
            case "strl":
                return STRL;
            default:
                break;
        }
        if (w.startsWith("str") && w.length() > 3 && w.substring(3).chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(w.substring(3));
            return n >= 1 && n <= 2045 ? str(n) : null;
        }
        return null;
    }

    /** The value as this type stores it. */
    public double store(double v) {
        if (this == FLOAT && !dev.statamcp.fakestata.lang.Missing.is(v)) {
            return (float) v;
        }
        return v;
    }

    /** Whether this type holds the value exactly (integers in range for byte/int/long). */
    public boolean holds(double v) {
        if (dev.statamcp.fakestata.lang.Missing.is(v) || this == DOUBLE) {
            return true;
        }
        if (this == FLOAT) {
            return true; // float loses precision by design, it never forces a promotion on replace
        }
        if (v != Math.rint(v)) {
            return false;
        }
        if (this == BYTE) {
            return v >= -127 && v <= 100;
        }
        if (this == INT) {
            return v >= -32767 && v <= 32740;
        }
        return v >= -2147483647 && v <= 2147483620;
    }

    /** The default display format of a new variable of this type. */
    public String defaultFormat() {
        if (isString) {
            return "%" + Math.min(strWidth, 2045) + "s";
        }
        return switch (name) {
            case "long" -> "%12.0g";
            case "double" -> "%10.0g";
            case "float" -> "%9.0g";
            default -> "%8.0g";
        };
    }

    @Override
    public String toString() {
        return name;
    }
}

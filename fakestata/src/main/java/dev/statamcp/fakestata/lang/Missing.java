package dev.statamcp.fakestata.lang;

/**
 * Stata's missing values as doubles, encoded the way Stata encodes them: {@code .} is 2^1023 and {@code .a} to
 * {@code .z} follow it, so every missing value compares greater than every number ({@code x > 5} is true for a
 * missing x) without special cases.
 */
public final class Missing {
    public static final double SYSMISS = 0x1.0p1023;
    private static final double STEP = 0x1.0p1011;

    private Missing() {
    }

    public static boolean is(double d) {
        return !(d < SYSMISS); // also true for NaN
    }

    /** {@code .a} is 1, {@code .z} is 26. */
    public static double extended(char letter) {
        return SYSMISS + (letter - 'a' + 1) * STEP;
    }

    /** The literal for a missing value: {@code .}, {@code .a}, ... */
    public static String literal(double d) {
        if (Double.isNaN(d) || d <= SYSMISS) {
            return ".";
        }
        int k = (int) Math.round((d - SYSMISS) / STEP);
        return k >= 1 && k <= 26 ? "." + (char) ('a' + k - 1) : ".";
    }

    /** Results of arithmetic: infinities and NaN become {@code .}. */
    public static double clean(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) || d >= SYSMISS ? SYSMISS : d;
    }
}

package dev.statamcp.fakestata.lang;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stata's display formats: {@code %w.dg}, {@code %w.df}, {@code %w.de} (optionally {@code c} for thousands
 * separators, {@code -} to left-align, {@code 0} to pad with zeros), {@code %ws}/{@code %-ws} and {@code %td}.
 * Rounding works on the exact binary value, half to even, as C's printf does, so the digits match Stata's.
 */
public record NumberFormat(boolean leftAlign, boolean zeroPad, int width, int decimals, char kind, boolean commas,
                           String spec) {

    /** Display's default: 8 significant places plus sign and point, as {@code %10.0g}. */
    public static final NumberFormat DISPLAY = new NumberFormat(false, false, 10, 0, 'g', false, "%10.0g");

    /** Parses a format, or returns null when the text is not a valid format. */
    public static NumberFormat parse(String spec) {
        if (spec == null || spec.length() < 2 || spec.charAt(0) != '%') {
            return null;
        }
        int i = 1;
        boolean left = false;
        boolean zero = false;
        if (i < spec.length() && spec.charAt(i) == '-') {
            left = true;
            i++;
        }
        if (i < spec.length() && spec.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int w = 0;
        int start = i;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            w = w * 10 + spec.charAt(i++) - '0';
        }
        boolean hadWidth = i > start;
        int d = 0;
        if (i < spec.length() && spec.charAt(i) == '.') {
            i++;
            int ds = i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                d = d * 10 + spec.charAt(i++) - '0';
            }
            if (i == ds) {
                return null;
            }
        }
        if (i >= spec.length()) {
            return null;
        }
        String rest = spec.substring(i);
        switch (rest) {
            case "g", "f", "e", "gc", "fc" -> {
                if (!hadWidth || w == 0 || w > 253) {
                    return null;
                }
                return new NumberFormat(left, zero, w, d, rest.charAt(0), rest.endsWith("c"), spec);
            }
            case "s" -> {
                return hadWidth ? new NumberFormat(left, false, w, 0, 's', false, spec) : null;
            }
            case "td", "d" -> {
                return new NumberFormat(left, false, hadWidth ? w : 9, 0, 'd', false, spec);
            }
            default -> {
                return null;
            }
        }
    }

    public boolean isString() {
        return kind == 's';
    }

    /** Formats a number and pads it to the width. */
    public String format(double x) {
        String body;
        if (Missing.is(x)) {
            body = Missing.literal(x);
        } else {
            body = switch (kind) {
                case 'f' -> fixed(x, decimals, commas);
                case 'e' -> exponential(x, decimals);
                case 'd' -> Dates.format((long) Math.floor(x));
                case 's' -> full(x);
                default -> decimals > 0 ? significant(x, decimals) : general(x, width - 1, commas);
            };
        }
        return pad(body);
    }

    /** Formats a string with {@code %ws}; a string under a numeric format is shown as is. */
    public String format(String s) {
        return pad(s);
    }

    public String pad(String body) {
        int n = body.codePointCount(0, body.length());
        if (n >= width) {
            return body;
        }
        String fill = " ".repeat(width - n);
        if (leftAlign) {
            return body + fill;
        }
        if (zeroPad && !body.startsWith("-")) {
            return "0".repeat(width - n) + body;
        }
        return fill + body;
    }

    // ---- %g ----------------------------------------------------------------------------------------------------

    /**
     * Stata's general format with room for {@code room} characters besides the sign: an integer when it fits,
     * otherwise as many decimals as fit, otherwise {@code d.ddde+XX}. Trailing zeros are dropped and there is no
     * zero before the point ({@code .5}).
     */
    public static String general(double x, int room, boolean commas) {
        if (Missing.is(x)) {
            return Missing.literal(x);
        }
        if (x == 0) {
            return "0";
        }
        String sign = x < 0 ? "-" : "";
        double a = Math.abs(x);
        BigDecimal exact = new BigDecimal(a);
        if (a == Math.rint(a) && a < 1e17) {
            String digits = exact.toBigInteger().toString();
            if (digits.length() <= room) {
                return sign + (commas ? group(digits) : digits);
            }
        }
        int e = exponentOf(exact);
        if (e >= 0) {
            int intDigits = e + 1;
            if (intDigits <= room) {
                int dec = Math.max(0, room - intDigits - 1);
                BigDecimal r = exact.setScale(dec, RoundingMode.HALF_EVEN);
                String s = stripZeros(r.toPlainString());
                int intLen = s.indexOf('.') < 0 ? s.length() : s.indexOf('.');
                if (intLen <= room) {
                    return sign + (commas ? groupNumber(s) : s);
                }
            }
        } else {
            int zeros = -e - 1;
            if (zeros < 4 && room >= 2) {
                BigDecimal r = exact.setScale(room - 1, RoundingMode.HALF_EVEN);
                String s = stripZeros(r.toPlainString());
                if (s.startsWith("0.")) {
                    s = s.substring(1);
                }
                if (!s.equals("0") && !s.isEmpty()) {
                    return sign + s;
                }
            }
        }
        return sign + exponential(a, Math.max(1, room - 6));
    }

    /** Full precision as Stata keeps numbers in macros and {@code return list}: {@code %18.0g}. */
    public static String full(double x) {
        return general(x, 17, false);
    }

    /** {@code %w.dg} with d > 0: d significant digits. */
    private static String significant(double x, int digits) {
        if (x == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(x).round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN));
        int e = exponentOf(r.abs());
        if (e < -5 || e >= digits + 2) {
            return exponential(x, digits - 1);
        }
        String s = stripZeros(r.toPlainString());
        return s.startsWith("0.") ? s.substring(1) : s.startsWith("-0.") ? "-" + s.substring(2) : s;
    }

    public static String fixed(double x, int decimals, boolean commas) {
        BigDecimal r = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN);
        String s = r.toPlainString();
        if (r.signum() == 0 && x < 0) {
            s = "-" + s; // printf keeps the sign of a negative number that rounds to zero
        }
        return commas ? groupNumber(s) : s;
    }

    public static String exponential(double x, int decimals) {
        if (x == 0) {
            return "0." + "0".repeat(decimals) + "e+00";
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal a = new BigDecimal(Math.abs(x));
        int e = exponentOf(a);
        BigDecimal mant = a.movePointLeft(e).setScale(decimals, RoundingMode.HALF_EVEN);
        if (mant.compareTo(BigDecimal.TEN) >= 0) {
            e++;
            mant = a.movePointLeft(e).setScale(decimals, RoundingMode.HALF_EVEN);
        }
        String exp = String.valueOf(Math.abs(e));
        if (exp.length() < 2) {
            exp = "0" + exp;
        }
        return sign + mant.toPlainString() + "e" + (e < 0 ? "-" : "+") + exp;
    }

    /** floor(log10(a)) for a > 0, exactly. */
    private static int exponentOf(BigDecimal a) {
        return a.precision() - a.scale() - 1;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String groupNumber(String s) {
        boolean neg = s.startsWith("-");
        String body = neg ? s.substring(1) : s;
        int dot = body.indexOf('.');
        String intPart = dot < 0 ? body : body.substring(0, dot);
        String frac = dot < 0 ? "" : body.substring(dot);
        return (neg ? "-" : "") + group(intPart) + frac;
    }

    private static String group(String digits) {
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3;
        if (lead > 0) {
            b.append(digits, 0, lead);
        }
        for (int i = lead; i < digits.length(); i += 3) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** An integer with thousands separators, as Stata prints counts ({@code 1,000}). */
    public static String commas(long n) {
        String s = Long.toString(Math.abs(n));
        return (n < 0 ? "-" : "") + group(s);
    }
}

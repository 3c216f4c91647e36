package dev.statamcp.server.sweep;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A sweep's id: {@code s} + 9 base-36 digits of the creation time in milliseconds + 4 random base-36 digits. Its
 * tasks' jobs run under the label {@code <sweep id>-<task>} (their session, for local sweeps a real one).
 */
public record SweepId(String value) {
    private static final Pattern FORM = Pattern.compile("s[0-9a-z]{13}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SweepId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a sweep id (ids look like s0mhx2k3a9f1b2)");
        }
    }

    public static SweepId next(long epochMillis) {
        String time = pad(Long.toString(epochMillis, 36), 9);
        String random = pad(Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36), 4).substring(0, 4);
        return new SweepId("s" + time + random);
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    /** The label of task {@code task}'s job (its session name in a local sweep). */
    public String taskLabel(int task) {
        return value + "-" + task;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(s.length() - width) : "0".repeat(width - s.length()) + s;
    }

    @Override
    public String toString() {
        return value;
    }
}

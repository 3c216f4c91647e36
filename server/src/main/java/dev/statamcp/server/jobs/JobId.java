package dev.statamcp.server.jobs;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A job's id: {@code j} + 9 base-36 digits of the creation time in milliseconds + 6 random base-36 digits.
 * Ids sort by creation time, are safe in URLs, file names and Stata paths, and short enough to read out.
 */
public record JobId(String value) implements Comparable<JobId> {
    private static final Pattern FORM = Pattern.compile("j[0-9a-z]{15}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public JobId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a job id (ids look like j0mhx2k3a9f1b2c3)");
        }
    }

    public static JobId next(long epochMillis) {
        String time = pad(Long.toString(epochMillis, 36), 9);
        String random = pad(Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36), 6).substring(0, 6);
        return new JobId("j" + time + random);
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(s.length() - width) : "0".repeat(width - s.length()) + s;
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

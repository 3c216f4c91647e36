package dev.statamcp.stata.slurm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slurm's ways of writing durations, times and task-id ranges. */
final class SlurmTimes {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)-)?(?:(\\d+):)?(\\d+):(\\d+)(?:\\.\\d+)?");

    private SlurmTimes() {
    }

    /** {@code [D-][HH:]MM:SS} as printed for RunTime/Elapsed; null for anything else. */
    static Duration duration(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofDays(days).plusHours(hours).plusMinutes(Long.parseLong(m.group(3)))
                .plusSeconds(Long.parseLong(m.group(4)));
    }

    /** A timestamp such as {@code 2024-05-01T10:20:30} in the local zone; null for Unknown/None/N/A. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.trim()).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Expands an array task expression such as {@code 3}, {@code 2-5}, {@code [0-3,7]}, {@code 1-9:2} or
     * {@code 2-5%2} (a throttle, ignored) into its task ids.
     */
    static List<Integer> taskIds(String s) {
        List<Integer> ids = new ArrayList<>();
        String body = s.trim().replace("[", "").replace("]", "");
        int throttle = body.indexOf('%');
        if (throttle >= 0) {
            body = body.substring(0, throttle);
        }
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int step = 1;
            int colon = part.indexOf(':');
            if (colon >= 0) {
                step = Math.max(1, Integer.parseInt(part.substring(colon + 1).trim()));
                part = part.substring(0, colon);
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt((dash >= 0 ? part.substring(0, dash) : part).trim());
            int to = dash >= 0 ? Integer.parseInt(part.substring(dash + 1).trim()) : from;
            for (int i = from; i <= to; i += step) {
                ids.add(i);
            }
        }
        return ids;
    }
}

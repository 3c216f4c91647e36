package dev.statamcp.fakestata.lang;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Stata dates (days since 1 Jan 1960) and the date/time strings of {@code c(current_date)} and log headers. */
public final class Dates {
    private static final LocalDate EPOCH = LocalDate.of(1960, 1, 1);
    private static final DateTimeFormatter TD = DateTimeFormatter.ofPattern("ddMMMyyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CURRENT_DATE = DateTimeFormatter.ofPattern("ppd MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CURRENT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private Dates() {
    }

    /** {@code %td}: 12oct2025. */
    public static String format(long days) {
        return EPOCH.plusDays(days).format(TD).toLowerCase(Locale.ROOT);
    }

    /** {@code c(current_date)}: {@code 12 Oct 2025}, a one-digit day padded with a space ({@code  5 Jan 2025}). */
    public static String currentDate(LocalDateTime now) {
        return now.format(CURRENT_DATE);
    }

    /** {@code c(current_time)}: 18:54:47. */
    public static String currentTime(LocalDateTime now) {
        return now.format(CURRENT_TIME);
    }

    /** Days since 1 Jan 1960 of a date. */
    public static long toStata(LocalDate date) {
        return date.toEpochDay() - EPOCH.toEpochDay();
    }
}

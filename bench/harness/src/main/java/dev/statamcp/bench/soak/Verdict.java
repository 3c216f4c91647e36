package dev.statamcp.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak kept its promises: every answer right, nothing left behind, and the server's memory, file
 * descriptors, threads and processes no higher after the warm-up than during it, give or take a slack that a leak
 * would exceed. The warm-up is the first {@value #WARM_UP_SHARE} of the samples (at least one): each client starts
 * with one job of every kind, so by its end every code path has run, every cache been filled and the heap sized for
 * the load. What comes after it must stay at that level.
 *
 * @param warmUpSamples how many of the first samples were the warm-up
 */
public record Verdict(int warmUpSamples, List<Bound> bounds) {
    static final double WARM_UP_SHARE = 0.2;

    /**
     * Live heap (after a full GC) above the warm-up's highest. The live heap of a healthy server is its caches, the
     * job store's connections and the state of a handful of sessions, all there after the warm-up; what a leak of
     * even a few hundred bytes per call adds over 30 minutes of several calls a second is tens of MiB.
     */
    static final double HEAP_GROWTH_MIB = 32;

    /**
     * The trend of the live heap over the second half of the run, extrapolated to an hour. A leak too slow for the
     * growth bound within one run still shows as a steady slope (four clients do about 35 jobs a second, so 100 bytes
     * per job is 12 MiB an hour and 1 KiB is 120); the noise of the live heap (a MiB or two, depending on what
     * is in flight when the GC runs) moves a slope fitted to 15 minutes of samples by far less.
     */
    static final double HEAP_SLOPE_MIB_PER_HOUR = 32;

    /** Below this span the slope extrapolates noise: a 1 MiB wobble in 20 s is 180 MiB an hour. */
    static final double SLOPE_MIN_MINUTES = 10;

    /**
     * The server's resident set, absolute. The launcher runs it with the serial collector; under this load it stays
     * well below 300 MiB (115 MiB with a 32 MiB start heap), so more means memory that is never given back.
     */
    static final double RSS_MAX_MIB = 300;

    /**
     * Resident set above the warm-up's highest. The heap may still grow a little when a rare burst (four graphs at
     * once) needs it, and C1 compiles code for paths taken late; both are a few MiB to a few tens. 64 MiB more is
     * memory that keeps accumulating.
     */
    static final double RSS_GROWTH_MIB = 64;

    /**
     * File descriptors above the warm-up's highest: a log file, socket or pipe leaked by even one job in a hundred
     * would add well over a hundred in a run; concurrency (a job's log, its Stata log being followed, a graph being
     * read, a query's answer file, for each busy client at once) moves the count by up to a dozen or two.
     */
    static final int FD_SLACK = 32;

    /** Threads above the warm-up's highest: pools grow to the load in the warm-up; a thread per job would not stop. */
    static final int THREAD_SLACK = 16;

    /**
     * Processes below the server above the warm-up's highest: one Stata per session; a session being restarted
     * (its Stata killed after a Break that did not stop it) may briefly show two.
     */
    static final int PROCESS_SLACK = 2;

    public boolean passed() {
        return bounds.stream().noneMatch(b -> b.status() == Bound.Status.NOT_MET);
    }

    /** How many of the first samples are the warm-up. */
    static int warmUp(int samples) {
        return Math.max(1, (int) Math.ceil(samples * WARM_UP_SHARE));
    }

    /**
     * @param failedCalls  jobs with a wrong answer, an unexpected error answer, or no answer in time
     * @param jobsByClient jobs each client did with every answer as expected
     * @param leftovers    processes still alive after the server stopped
     * @param problems     what went wrong with the run itself (the server would not start, died, did not stop)
     */
    public static Verdict judge(List<Sample> samples, long failedCalls, List<Long> jobsByClient,
                                List<String> leftovers, List<String> problems) {
        int warm = Math.min(warmUp(samples.size()), samples.size());
        List<Sample> warmUp = samples.subList(0, warm);
        List<Sample> rest = samples.subList(warm, samples.size());
        List<Bound> bounds = new ArrayList<>();
        bounds.add(Bound.of("samples", "at least one after the warm-up (first " + percent(WARM_UP_SHARE)
                + " of them, at least one)", samples.size() + " (" + warm + " in the warm-up)", !rest.isEmpty()));
        bounds.add(growth("heap after a full GC", warmUp, rest, Sample::heapKb, HEAP_GROWTH_MIB * 1024, "MiB",
                1024));
        bounds.add(heapSlope(samples));
        bounds.add(rssAbsolute(samples));
        bounds.add(growth("RSS", warmUp, rest, Sample::rssKb, RSS_GROWTH_MIB * 1024, "MiB", 1024));
        bounds.add(growth("open file descriptors", warmUp, rest, Sample::fds, FD_SLACK, "", 1));
        bounds.add(growth("threads", warmUp, rest, Sample::threads, THREAD_SLACK, "", 1));
        bounds.add(growth("processes below the server", warmUp, rest, Sample::processes, PROCESS_SLACK, "", 1));
        bounds.add(Bound.of("failed calls", "none: every answer as expected, within " + SoakSession.ANSWER_SECONDS
                + " s", Long.toString(failedCalls), failedCalls == 0));
        long idle = jobsByClient.stream().filter(n -> n == 0).count();
        bounds.add(Bound.of("jobs done by every client", "at least one each", jobsByClient.isEmpty() ? "no client"
                : "fewest " + jobsByClient.stream().mapToLong(Long::longValue).min().orElse(0) + ", most "
                + jobsByClient.stream().mapToLong(Long::longValue).max().orElse(0),
                !jobsByClient.isEmpty() && idle == 0));
        bounds.add(Bound.of("processes left after the server stopped", "none (15 s after it exited)",
                leftovers.isEmpty() ? "none" : leftovers.size() + ": " + String.join("; ", leftovers),
                leftovers.isEmpty()));
        bounds.add(Bound.of("the run", "the server ran to the end and exited on SIGTERM within 60 s",
                problems.isEmpty() ? "as expected" : String.join("; ", problems), problems.isEmpty()));
        return new Verdict(warm, List.copyOf(bounds));
    }

    /** The highest value after the warm-up may exceed the warm-up's highest by {@code slack}, no more. */
    private static Bound growth(String name, List<Sample> warmUp, List<Sample> rest, ToDoubleFunction<Sample> measure,
                                double slack, String unit, double scale) {
        double warmMax = max(warmUp, measure);
        double restMax = max(rest, measure);
        String limit = String.format(Locale.ROOT, "≤ warm-up maximum + %s%s", number(slack / scale),
                unit.isEmpty() ? "" : " " + unit);
        if (Double.isNaN(warmMax) || Double.isNaN(restMax)) {
            return Bound.of(name, limit, "not measured", false);
        }
        double over = restMax - warmMax;
        return Bound.of(name, limit, String.format(Locale.ROOT, "warm-up maximum %s, afterwards maximum %s (%s%s)",
                number(warmMax / scale), number(restMax / scale), over >= 0 ? "+" : "", number(over / scale)),
                over <= slack);
    }

    private static Bound heapSlope(List<Sample> samples) {
        List<Sample> half = samples.subList(samples.size() / 2, samples.size()).stream()
                .filter(s -> s.heapKb() >= 0).toList();
        String limit = String.format(Locale.ROOT, "least-squares slope over the second half < %s MiB per hour"
                + " (judged when it spans ≥ %s min)", number(HEAP_SLOPE_MIB_PER_HOUR), number(SLOPE_MIN_MINUTES));
        if (half.size() < 2) {
            return new Bound("heap after a full GC, trend", limit, "too few samples", Bound.Status.NOT_JUDGED);
        }
        double[] hours = half.stream().mapToDouble(s -> s.seconds() / 3600).toArray();
        double[] mib = half.stream().mapToDouble(Sample::heapMib).toArray();
        double slope = Trend.slope(hours, mib);
        double minutes = (half.get(half.size() - 1).seconds() - half.get(0).seconds()) / 60;
        String measured = String.format(Locale.ROOT, "%+.1f MiB per hour over %.1f min (%d samples)", slope, minutes,
                half.size());
        if (minutes < SLOPE_MIN_MINUTES) {
            return new Bound("heap after a full GC, trend", limit, measured + ": too short to extrapolate",
                    Bound.Status.NOT_JUDGED);
        }
        return Bound.of("heap after a full GC, trend", limit, measured, slope < HEAP_SLOPE_MIB_PER_HOUR);
    }

    private static Bound rssAbsolute(List<Sample> samples) {
        double max = max(samples, Sample::rssKb);
        String limit = "≤ " + number(RSS_MAX_MIB) + " MiB at every sample";
        if (Double.isNaN(max)) {
            return Bound.of("RSS, absolute", limit, "not measured", false);
        }
        return Bound.of("RSS, absolute", limit, "maximum " + number(max / 1024) + " MiB", max / 1024 <= RSS_MAX_MIB);
    }

    /** The highest measured value (unknown values, below zero, are skipped); NaN when there is none. */
    private static double max(List<Sample> samples, ToDoubleFunction<Sample> measure) {
        return samples.stream().mapToDouble(measure).filter(v -> v >= 0).max().orElse(Double.NaN);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}

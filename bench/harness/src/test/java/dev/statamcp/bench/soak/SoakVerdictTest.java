package dev.statamcp.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The verdict on synthetic series: a healthy server passes, a leak or a wrong answer fails. */
class SoakVerdictTest {
    private static final List<Long> JOBS = List.of(900L, 950L);

    /** 30 minutes sampled every 10 s; the heap in MiB as a function of the minute, with a small wobble. */
    private static List<Sample> series(DoubleUnaryOperator heapMib, int fds) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 180; i++) {
            double seconds = i * 10.0;
            double wobble = ((i * 7919) % 11 - 5) / 5.0; // -1 .. +1 MiB, no trend
            long heapKb = Math.round((heapMib.applyAsDouble(seconds / 60) + wobble) * 1024);
            samples.add(new Sample(seconds, 100 * 1024 + (i % 3) * 1024, heapKb, 5, fds + i % 4, 40 + i % 2,
                    List.of(i * 5L, i * 5L)));
        }
        return samples;
    }

    private static Bound bound(Verdict v, String name) {
        return v.bounds().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFlatSeriesPasses() {
        Verdict v = Verdict.judge(series(m -> 12, 30), 0, JOBS, List.of(), List.of());

        assertThat(v.passed()).as(v.bounds().toString()).isTrue();
        assertThat(v.warmUpSamples()).isEqualTo(37);
        assertThat(bound(v, "heap after a full GC, trend").status()).isEqualTo(Bound.Status.MET);
    }

    @Test
    void aHeapGrowingSteadilyFailsOnItsTrendBeforeItsGrowth() {
        // 40 MiB an hour: 16 MiB above the warm-up by the end, within the growth bound, but a leak all the same.
        Verdict v = Verdict.judge(series(m -> 12 + 40 * m / 60, 30), 0, JOBS, List.of(), List.of());

        assertThat(v.passed()).isFalse();
        assertThat(bound(v, "heap after a full GC, trend").status()).isEqualTo(Bound.Status.NOT_MET);
        assertThat(bound(v, "heap after a full GC").status()).isEqualTo(Bound.Status.MET);
    }

    @Test
    void aFastLeakFailsBothHeapBounds() {
        Verdict v = Verdict.judge(series(m -> 12 + 2 * m, 30), 0, JOBS, List.of(), List.of());

        assertThat(v.passed()).isFalse();
        assertThat(bound(v, "heap after a full GC").status()).isEqualTo(Bound.Status.NOT_MET);
        assertThat(bound(v, "heap after a full GC, trend").status()).isEqualTo(Bound.Status.NOT_MET);
    }

    @Test
    void oneFailedCallFails() {
        Verdict v = Verdict.judge(series(m -> 12, 30), 1, JOBS, List.of(), List.of());

        assertThat(v.passed()).isFalse();
        assertThat(bound(v, "failed calls").status()).isEqualTo(Bound.Status.NOT_MET);
    }

    @Test
    void leakedFileDescriptorsFail() {
        // Two a minute: one leaked by a job in several hundred at this rate.
        List<Sample> samples = series(m -> 12, 30).stream()
                .map(s -> new Sample(s.seconds(), s.rssKb(), s.heapKb(), s.processes(), s.fds() + (int) s.seconds()
                        / 30, s.threads(), s.jobsByClient())).toList();

        Verdict v = Verdict.judge(samples, 0, JOBS, List.of(), List.of());

        assertThat(bound(v, "open file descriptors").status()).isEqualTo(Bound.Status.NOT_MET);
    }

    @Test
    void aProcessLeftBehindOrAnIdleClientFails() {
        assertThat(Verdict.judge(series(m -> 12, 30), 0, JOBS, List.of("pid 42 (java) in Stata's process group 42"),
                List.of()).passed()).isFalse();
        assertThat(Verdict.judge(series(m -> 12, 30), 0, List.of(900L, 0L), List.of(), List.of()).passed()).isFalse();
    }

    @Test
    void aShortRunIsNotJudgedOnItsTrend() {
        List<Sample> short20 = series(m -> 12 + 2 * m, 30).subList(0, 18); // 3 minutes: noise would dominate
        Verdict v = Verdict.judge(short20, 0, JOBS, List.of(), List.of());

        assertThat(bound(v, "heap after a full GC, trend").status()).isEqualTo(Bound.Status.NOT_JUDGED);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void noSampleAfterTheWarmUpFails() {
        Verdict v = Verdict.judge(series(m -> 12, 30).subList(0, 1), 0, JOBS, List.of(), List.of());

        assertThat(v.passed()).isFalse();
    }

    @Test
    void aThinnedTableKeepsTheFirstAndLastRows() {
        List<Integer> rows = SoakReport.thin(181, 40);

        assertThat(rows).hasSizeLessThanOrEqualTo(40).startsWith(0).endsWith(180).doesNotHaveDuplicates();
        assertThat(SoakReport.thin(12, 40)).hasSize(12);
    }
}

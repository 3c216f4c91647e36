package dev.statamcp.server.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.mcp.server.RequestContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final List<String> logs = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Double> totals = new ArrayList<>();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A request context that records what the reporter sends; nothing else of it is used. */
    private RequestContext recording() {
        return (RequestContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RequestContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "log" -> logs.add(String.valueOf(args[2]));
                        case "progress" -> {
                            values.add((Double) args[0]);
                            totals.add((Double) args[1]);
                            progress.add(String.valueOf(args[2]));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    /** A reporter for a job that started running at t0. */
    private ProgressReporter reporter() {
        ProgressReporter r = new ProgressReporter(recording(), Duration.ofMillis(250), Duration.ofSeconds(5), t0);
        r.running(t0);
        return r;
    }

    @Test
    void theValueAlwaysRisesWhenTheTotalIsLearnedLateAndWhileTheLastCommandRuns() {
        ProgressReporter r = reporter();
        Instant at = t0;
        for (int beat = 0; beat < 5; beat++) { // a queued cluster job: no total yet
            at = at.plusSeconds(5);
            r.tick(at);
        }
        r.position(new dev.statamcp.server.jobs.JobProgress(0, 3L, null), "RUNNING on node1");
        for (long done = 0; done <= 3; done++) {
            r.position(new dev.statamcp.server.jobs.JobProgress(done, 3L, "cmd " + done), null);
            for (int beat = 0; beat < 8; beat++) { // the last command runs long
                at = at.plusSeconds(5);
                r.tick(at);
            }
        }
        assertThat(values).hasSizeGreaterThan(30);
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).as("value %d of %s", i, values).isGreaterThan(values.get(i - 1));
        }
        assertThat(values.get(values.size() - 1)).isLessThan(3.0);
        assertThat(totals.get(totals.size() - 1)).isEqualTo(3.0);
        assertThat(progress.get(progress.size() - 1)).contains("RUNNING on node1").contains("cmd 3");
    }

    @Test
    void aLineIsSentAsALogMessageWithinTheLogGapWhileProgressStaysThrottled() {
        ProgressReporter r = reporter();
        r.tick(t0);
        int progressBefore = progress.size();

        Instant t1 = t0.plusMillis(100);
        r.line("first line", false);
        assertThat(r.untilDue(t1)).isZero();
        r.tick(t1);
        assertThat(logs).containsExactly("first line");
        assertThat(progress).hasSize(progressBefore); // 100 ms after the last progress: not yet

        Instant t2 = t1.plusMillis(10);
        r.line("second line", false);
        assertThat(r.untilDue(t2)).isEqualTo(ProgressReporter.LOG_GAP.minusMillis(10));
        r.tick(t2);
        assertThat(logs).hasSize(1);
        r.tick(t1.plus(ProgressReporter.LOG_GAP));
        assertThat(logs).containsExactly("first line", "second line");

        r.tick(t0.plusMillis(250));
        assertThat(progress).hasSize(progressBefore + 1);
        assertThat(progress.get(progress.size() - 1)).contains("second line");
    }

    @Test
    void aFloodIsCappedPerMessageAndCountsWhatWasLeftOut() {
        ProgressReporter r = reporter();
        r.tick(t0);
        int lines = 100_000;
        for (int i = 0; i < lines; i++) {
            r.line("output line %06d of a very long run, padded to a realistic width ............".formatted(i),
                    false);
        }
        r.tick(t0.plusSeconds(1));
        assertThat(logs).hasSize(1);
        String message = logs.get(0);
        assertThat(message.length()).isLessThanOrEqualTo(ProgressReporter.MAX_LOG_CHARS + 100);
        long kept = message.lines().filter(l -> l.startsWith("output line")).count();
        assertThat(message).startsWith("output line 000000")
                .endsWith("… " + (lines - kept) + " more lines in the job's log …");
        assertThat(progress.get(progress.size() - 1)).as("progress still names the newest line")
                .contains("output line 099999");

        r.line("after the flood", false);
        r.finish();
        assertThat(logs).last().isEqualTo("after the flood");
    }
}

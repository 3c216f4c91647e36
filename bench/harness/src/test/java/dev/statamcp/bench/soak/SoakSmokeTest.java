package dev.statamcp.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short soak of the test suite: two clients doing every kind of job against the real server on the emulator for
 * 35 s, every answer checked, the server sampled every 2 s, and nothing left once it has stopped. Needs the server's
 * and the emulator's jars, which the reactor builds before this module ({@code mvn verify}). The long soak is
 * {@code scripts/soak} (30 minutes, four clients).
 */
class SoakSmokeTest {
    private static final long SEED = 7;

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).resolve("../..").toAbsolutePath().normalize();
    }

    @Test
    void twoClientsOfMixedJobsGetEveryAnswerRightAndTheServerStaysBounded() {
        SoakOutcome outcome = Soak.run(root(), Duration.ofSeconds(35), 2, SEED, line -> { });

        assertThat(outcome.failures()).as("failed calls").isEmpty();
        assertThat(outcome.passed()).as(outcome.verdict().bounds().toString()).isTrue();
        assertThat(outcome.samples()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(outcome.samples()).allSatisfy(s -> assertThat(s.heapKb()).isPositive());
        for (JobKind kind : JobKind.values()) {
            assertThat(outcome.doneByKind().get(kind.label())).as(kind.label()).isPositive();
        }
        assertThat(outcome.latencyByTool()).containsKeys("stata_run", "stata_job_wait", "stata_job_result",
                "stata_job_status", "stata_job_cancel", "stata_data", "stata_results", "stata_graphs", "stata_help",
                "stata_jobs");
        assertThat(outcome.jobsByClient()).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
    }
}

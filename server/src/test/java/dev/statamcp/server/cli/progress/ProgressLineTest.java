package dev.statamcp.server.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.jobs.JobStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsTheBarTheCountTheClockAndTheLastLine() {
        String line = ProgressLine.render(new ProgressFrame(JobStatus.RUNNING, Duration.ofSeconds(75), 6, 12L,
                "regress price mpg", null), 200, 0);
        assertThat(line).startsWith("[" + "=".repeat(12) + ">" + " ".repeat(11) + "]")
                .contains(" 6/12 commands ", " 1:15 ", "| regress price mpg");
    }

    @Test
    void aFullBarHasNoArrowAndLongRunsShowHours() {
        String line = ProgressLine.render(new ProgressFrame(JobStatus.RUNNING, Duration.ofSeconds(3725), 3, 3L,
                null, null), 200, 0);
        assertThat(line).startsWith("[" + "=".repeat(24) + "]").contains("3/3 commands", "1:02:05")
                .doesNotContain("|");
    }

    @Test
    void anUnknownTotalBouncesAMarkerThatMovesWithTheTick() {
        ProgressFrame f = new ProgressFrame(JobStatus.RUNNING, Duration.ofSeconds(5), 4, null, null, null);
        String a = ProgressLine.render(f, 200, 0);
        String b = ProgressLine.render(f, 200, 5);
        assertThat(a).contains("<=>", " 4 commands");
        assertThat(b).contains("<=>");
        assertThat(a).isNotEqualTo(b);
        for (long tick = 0; tick < 100; tick++) { // the marker never leaves the bar
            String bar = ProgressLine.bar(4, null, tick);
            assertThat(bar).hasSize(ProgressLine.BAR_WIDTH + 2).startsWith("[").endsWith("]").contains("<=>");
        }
    }

    @Test
    void aQueuedJobSaysItWaits() {
        assertThat(ProgressLine.render(new ProgressFrame(JobStatus.QUEUED, Duration.ofSeconds(2), 0, null, null,
                null), 80, 0)).startsWith("waiting for Stata  0:02");
    }

    @Test
    void neverWiderThanTheTerminalAndFreeOfControlCharacters() {
        String noisy = "a\tb\u001b[2Jc\r\n" + "x".repeat(500);
        String line = ProgressLine.render(new ProgressFrame(JobStatus.RUNNING, Duration.ofSeconds(1), 1, 2L, noisy,
                "PENDING"), 60, 0);
        assertThat(line).hasSizeLessThanOrEqualTo(59).endsWith("...").contains("(PENDING)");
        assertThat(line.chars().noneMatch(Character::isISOControl)).isTrue();
    }

    @Test
    void clock() {
        assertThat(ProgressLine.clock(Duration.ZERO)).isEqualTo("0:00");
        assertThat(ProgressLine.clock(Duration.ofSeconds(59))).isEqualTo("0:59");
        assertThat(ProgressLine.clock(Duration.ofMinutes(61))).isEqualTo("1:01:00");
        assertThat(ProgressLine.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
    }
}

package dev.statamcp.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep ids and the records kept beside the job store. */
class SweepFilesTest {
    @TempDir
    Path dir;

    static SweepRecord record(SweepId id) {
        return new SweepRecord(id.value(), SweepMode.CLUSTER, "/w/sim.do", "/w", List.of(List.of("1"), List.of("2")),
                2, 0, "test", "77", null, null, null, 1, 1);
    }

    @Test
    void idsSortByTimeNameTheirTasksAndRejectOtherShapes() {
        SweepId early = SweepId.next(1_000_000);
        SweepId late = SweepId.next(2_000_000);
        assertThat(early.value()).matches("s[0-9a-z]{13}");
        assertThat(early.value().substring(0, 10)).isLessThan(late.value().substring(0, 10));
        assertThat(early.taskLabel(12)).isEqualTo(early.value() + "-12");
        assertThatThrownBy(() -> new SweepId("j0mhx2k3a9f1b2c3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsRoundTripAndOldOnesArePruned() {
        SweepFiles files = new SweepFiles(dir);
        long now = System.currentTimeMillis();
        SweepId old = SweepId.next(now - Duration.ofDays(40).toMillis());
        SweepId recent = SweepId.next(now);
        files.save(record(old));
        files.save(record(recent).withTaskJob(1, "j0mhx2k3a9f1b2c3").withTaskError(0, "no session"));

        SweepRecord back = files.load(recent).orElseThrow();
        assertThat(back.taskJobs()).isEqualTo(Arrays.asList(null, "j0mhx2k3a9f1b2c3"));
        assertThat(back.taskErrors()).isEqualTo(Arrays.asList("no session", null));
        assertThat(back.argLists()).containsExactly(List.of("1"), List.of("2"));
        assertThat(back.mode()).isEqualTo(SweepMode.CLUSTER);

        assertThat(files.deleteOlderThan(now - Duration.ofDays(30).toMillis())).isEqualTo(1);
        assertThat(files.load(old)).isEmpty();
        assertThat(files.load(recent)).isPresent();
    }
}

package dev.statamcp.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.stata.slurm.SlurmResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call's cluster options as Slurm resources. */
class ClusterOptionsTest {
    @Test
    void callOptionsBecomeResourcesAndTheTimeoutBecomesTheTimeLimitInWholeMinutes() {
        SlurmResources r = ClusterOptions.resources(Map.of("partition", "short", "cpus", "4", "mem", "8G",
                "account", "proj"), 61);
        assertThat(r).isEqualTo(new SlurmResources("short", "2", 4, "8G", "proj", List.of()));
        assertThat(ClusterOptions.resources(Map.of("time", "1-00:00:00"), 61).timeLimit()).isEqualTo("1-00:00:00");
        assertThat(ClusterOptions.resources(Map.of(), null)).isEqualTo(SlurmResources.NONE);
    }

    @Test
    void valuesSlurmWouldMisreadAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ClusterOptions.resources(Map.of("partition", "a b"), null))
                .hasMessageContaining("partition");
        assertThatThrownBy(() -> ClusterOptions.resources(Map.of("time", "soon"), null))
                .hasMessageContaining("time limit");
        assertThatThrownBy(() -> ClusterOptions.resources(Map.of("extra", "--wrap=x"), null))
                .hasMessageContaining("unknown cluster option 'extra'");
    }

    @Test
    void aSweepTaskIsRecognisedByItsEntries() {
        JobSpec task = new JobSpec(JobKind.CLUSTER, "s0mhx2k3a9f1b2-3", null, "/w/a.do", "/w", List.of(), null,
                OutputMode.COMPACT, null, Map.of(ClusterOptions.SWEEP_ID, "s0mhx2k3a9f1b2", ClusterOptions.SWEEP_TASK,
                "3"));
        assertThat(ClusterOptions.sweepTask(task)).isEqualTo(new ClusterOptions.SweepTask("s0mhx2k3a9f1b2", 3));
        JobSpec single = new JobSpec(JobKind.CLUSTER, "cluster", null, "/w/a.do", "/w", List.of(), null,
                OutputMode.COMPACT, null, Map.of());
        assertThat(ClusterOptions.sweepTask(single)).isNull();
    }
}

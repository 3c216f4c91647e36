package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmResourcesTest {

    @Test
    void callValuesOverrideDefaultsAndExtraFlagsAdd() {
        SlurmResources defaults = new SlurmResources("main", "01:00:00", 2, "4G", "econ", List.of("--qos=normal"));
        SlurmResources call = SlurmResources.NONE.withPartition("gpu").withCpus(8).withExtraFlags(List.of("--nice"));
        SlurmResources merged = call.over(defaults);
        assertThat(merged).isEqualTo(new SlurmResources("gpu", "01:00:00", 8, "4G", "econ",
                List.of("--qos=normal", "--nice")));
    }

    @Test
    void valuesThatWouldBreakTheScriptAreRefused() {
        assertThatThrownBy(() -> SlurmResources.NONE.withPartition("main\n#SBATCH --x"))
                .hasMessageContaining("partition");
        assertThatThrownBy(() -> SlurmResources.NONE.withTimeLimit("two hours")).hasMessageContaining("time");
        assertThatThrownBy(() -> SlurmResources.NONE.withMemory("lots")).hasMessageContaining("memory");
        assertThatThrownBy(() -> SlurmResources.NONE.withCpus(0)).hasMessageContaining("cpus");
        assertThatThrownBy(() -> SlurmResources.NONE.withExtraFlags(List.of("qos=x")))
                .hasMessageContaining("starting with '-'");
    }

    @Test
    void acceptedSlurmTimeForms() {
        for (String t : List.of("90", "30:00", "02:00:00", "1-12", "1-12:00:00", "UNLIMITED")) {
            assertThat(SlurmResources.NONE.withTimeLimit(t).timeLimit()).isEqualTo(t);
        }
    }

    @Test
    void settingsFromConfigKeys() {
        SlurmSettings s = SlurmSettings.fromConfig(Map.of(
                "slurm_stata", "/opt/stata/stata-mp", "slurm_conf", "/etc/slurm/slurm.conf",
                "slurm_partition", "short", "slurm_time", "00:30:00", "slurm_cpus", "4", "slurm_mem", "8G",
                "slurm_account", "proj1", "slurm_extra", "--qos=low  --exclusive",
                "slurm_command_timeout_seconds", "45"), Path.of("/data/slurm"));
        assertThat(s.stataCommand()).isEqualTo("/opt/stata/stata-mp");
        assertThat(s.slurmConf()).isEqualTo(Path.of("/etc/slurm/slurm.conf"));
        assertThat(s.binDir()).isNull();
        assertThat(s.runRoot()).isEqualTo(Path.of("/data/slurm"));
        assertThat(s.defaults()).isEqualTo(new SlurmResources("short", "00:30:00", 4, "8G", "proj1",
                List.of("--qos=low", "--exclusive")));
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> SlurmSettings.fromConfig(Map.of(), Path.of("/x")))
                .hasMessageContaining("slurm_stata");
    }
}

package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.stata.slurm.SlurmException.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How Slurm's messages become errors a user can act on. The stderr texts are the ones Slurm 22.05 prints (captured
 * on the test cluster); the integration test provokes the same cases for real.
 */
class SlurmCommandsTest {

    static Stream<Arguments> sbatchStderr() {
        return Stream.of(
                Arguments.of("sbatch: error: Batch job submission failed: Unable to contact slurm controller"
                        + " (connect failure)", Kind.CONTROLLER_UNREACHABLE),
                Arguments.of("sbatch: error: invalid partition specified: nope\nsbatch: error: Batch job submission"
                        + " failed: Invalid partition name specified", Kind.UNKNOWN_PARTITION),
                Arguments.of("sbatch: error: Memory specification can not be satisfied\nsbatch: error: Batch job"
                        + " submission failed: Requested node configuration is not available", Kind.REJECTED),
                Arguments.of("sbatch: error: Invalid --time specification", Kind.REJECTED),
                Arguments.of("sbatch: error: Munge encode failed: Failed to access \"/run/munge/munge.socket.2\"",
                        Kind.AUTHENTICATION_FAILED),
                Arguments.of("sbatch: error: resolve_ctls_from_dns_srv: res_nsearch error: Unknown host\nsbatch:"
                        + " fatal: Could not establish a configuration source", Kind.CONFIG_MISSING));
    }

    @ParameterizedTest
    @MethodSource("sbatchStderr")
    void sbatchFailures(String stderr, Kind kind) {
        SlurmException e = SlurmCommands.classify("sbatch", new CommandResult(1, "", stderr), true);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(stderr.strip());
    }

    @Test
    void parsableOutputWithClusterAndWarnings() throws Exception {
        Fake fake = new Fake(new CommandResult(0, "sbatch: warning: something\n1234;cluster2\n", ""));
        assertThat(commands(fake).sbatch(Path.of("/r/job.sbatch"))).isEqualTo("1234");
        assertThat(fake.calls.get(0)).containsExactly("sbatch", "--parsable", "/r/job.sbatch");
    }

    @Test
    void unknownJobIdIsEmptyNotAnError() throws Exception {
        Fake fake = new Fake(new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified\n"));
        assertThat(commands(fake).showJob("99")).isEmpty();
        assertThat(commands(fake).queued("99")).isEmpty();
    }

    @Test
    void cancellingAnEndedJobIsNotAnError() throws Exception {
        Fake fake = new Fake(new CommandResult(1, "",
                "scancel: error: Kill job error on job id 5: Job/step already completing or completed\n"));
        commands(fake).scancel("5");
        assertThat(fake.calls).hasSize(1);
    }

    @Test
    void disabledAccountingIsEmpty() {
        Fake fake = new Fake(new CommandResult(1, "", "Slurm accounting storage is disabled\n"));
        assertThat(commands(fake).sacct("5")).isEmpty();
    }

    @Test
    void binDirAndSlurmConfAreUsed() throws Exception {
        Fake fake = new Fake(new CommandResult(0, "", ""));
        SlurmSettings s = SlurmSettings.of("/x/stata", Path.of("/runs")).withBinDir(Path.of("/opt/slurm/bin"))
                .withSlurmConf(Path.of("/dev/null"));
        new SlurmCommands(s, fake).queued("7");
        assertThat(fake.calls.get(0).get(0)).isEqualTo("/opt/slurm/bin/squeue");
        assertThat(fake.env).containsEntry("SLURM_CONF", "/dev/null");
    }

    @Test
    void missingSlurmConfFailsAtOnce() {
        Fake fake = new Fake(new CommandResult(0, "", ""));
        SlurmSettings s = SlurmSettings.of("/x/stata", Path.of("/runs")).withSlurmConf(Path.of("/nonexistent.conf"));
        assertThatThrownBy(() -> new SlurmCommands(s, fake).queued("7")).isInstanceOfSatisfying(
                SlurmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFIG_MISSING));
        assertThat(fake.calls).isEmpty();
    }

    private static SlurmCommands commands(CommandRunner runner) {
        return new SlurmCommands(SlurmSettings.of("/x/stata", Path.of("/runs")), runner);
    }

    /** Answers every command with the same result and records what was run. */
    private static final class Fake implements CommandRunner {
        final List<List<String>> calls = new ArrayList<>();
        Map<String, String> env;
        private final CommandResult result;

        Fake(CommandResult result) {
            this.result = result;
        }

        @Override
        public CommandResult run(List<String> command, Map<String, String> extraEnv, java.time.Duration timeout) {
            calls.add(command);
            env = extraEnv;
            return result;
        }
    }
}

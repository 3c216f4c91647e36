package dev.statamcp.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short chaos of the test suite: two runs of the real server on the emulator, one killing the server and one
 * killing a Stata session while six jobs are queued or running; afterwards no job may be lost or left unended and
 * no Stata process may be left. Needs the server's and the emulator's jars, which the reactor builds before this
 * module ({@code mvn verify}). The long series is {@code scripts/chaos} (50 runs).
 */
class ChaosSmokeTest {
    /** Runs 1 and 4 of seed 7 kill the server and a Stata session (asserted, so a change of the draw shows). */
    private static final long SEED = 7;

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).resolve("../..").toAbsolutePath().normalize();
    }

    @Test
    void noJobOrProcessIsLostWhenTheServerIsKilled() {
        ChaosOutcome outcome = Chaos.run(root(), SEED, 1, false);

        assertThat(outcome.target()).isEqualTo("server");
        assertThat(outcome.problems()).as(outcome.story()).isEmpty();
        assertThat(outcome.after()).hasSize(6);
    }

    @Test
    void noJobOrProcessIsLostWhenStataIsKilled() {
        ChaosOutcome outcome = Chaos.run(root(), SEED, 4, false);

        assertThat(outcome.target()).isEqualTo("Stata");
        assertThat(outcome.problems()).as(outcome.story()).isEmpty();
        assertThat(outcome.after()).hasSize(6);
    }
}

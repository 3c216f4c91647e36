package dev.statamcp.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The FIFO proof of the scale figure reads each job's output; these pin what counts as the session's full trail. */
class ScaleScenarioTest {

    @Test
    void theTrailOfJobThreeIsOneTwoThreeInOrder() {
        String output = ". global trail \"${trail} 3\"\n\n. display \"TRAIL ${trail}\"\nTRAIL  1 2 3\n";

        assertThat(ScaleScenario.trailOk(output, 3)).isTrue();
    }

    @Test
    void aMissingOrReorderedJobIsNotTheTrail() {
        assertThat(ScaleScenario.trailOk("TRAIL  1 3\n", 3)).isFalse();
        assertThat(ScaleScenario.trailOk("TRAIL  2 1 3\n", 3)).isFalse();
        assertThat(ScaleScenario.trailOk("TRAIL  1 2 3 3\n", 3)).isFalse();
    }

    @Test
    void theEchoOfTheCommandIsNotMistakenForItsOutput() {
        assertThat(ScaleScenario.trailOk(". display \"TRAIL ${trail}\"\n", 1)).isFalse();
    }

    @Test
    void eachJobAppendsItsNumberAndDisplaysTheTrail() {
        assertThat(ScaleScenario.code(7)).isEqualTo("global trail \"${trail} 7\"\ndisplay \"TRAIL ${trail}\"");
    }
}

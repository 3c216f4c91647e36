package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.slurm.SlurmStates.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state mapping the issue specifies, word by word. */
class SlurmStatesTest {

    @ParameterizedTest
    @CsvSource({
        "PENDING, QUEUED", "CONFIGURING, QUEUED", "REQUEUED, QUEUED", "REQUEUE_HOLD, QUEUED",
        "RUNNING, RUNNING", "COMPLETING, RUNNING", "SUSPENDED, RUNNING", "SOME_NEW_STATE, RUNNING",
        "COMPLETED, COMPLETED",
        "FAILED, FAILED", "NODE_FAIL, FAILED", "OUT_OF_MEMORY, FAILED", "PREEMPTED, FAILED", "BOOT_FAIL, FAILED",
        "TIMEOUT, TIMED_OUT", "DEADLINE, TIMED_OUT",
        "CANCELLED, CANCELLED", "'CANCELLED by 1000', CANCELLED", "CANCELLED+, CANCELLED", "cancelled, CANCELLED"
    })
    void phases(String state, Phase phase) {
        assertThat(SlurmStates.phase(state)).isEqualTo(phase);
        assertThat(SlurmStates.isTerminal(state)).isEqualTo(phase != Phase.QUEUED && phase != Phase.RUNNING);
    }

    @ParameterizedTest
    @CsvSource({"OUT_OF_MEMORY, mem", "TIMEOUT, time", "PREEMPTED, preempted", "NODE_FAIL, node"})
    void failuresSayWhatToDo(String state, String hint) {
        assertThat(SlurmStates.explain(state)).contains(hint);
    }
}

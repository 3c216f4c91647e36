package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.stata.errors.ReturnCodes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static Job ended(JobStatus status, Integer rc) {
        return new Job(JobId.next(0), JobSpec.code("default", "x"), "cli", status, Instant.EPOCH, null, null, rc,
                null, null, null, null, null, null, null, 1);
    }

    @Test
    void stataReturnCodesPassThroughAndOwnCodesDoNotCollideWithThem() {
        assertThat(ExitCodes.of(ended(JobStatus.SUCCEEDED, 0))).isZero();
        assertThat(ExitCodes.of(ended(JobStatus.FAILED, 199))).isEqualTo(199);
        assertThat(ExitCodes.of(ended(JobStatus.FAILED, 1))).isEqualTo(1);
        assertThat(ExitCodes.of(ended(JobStatus.FAILED, 601))).isEqualTo(250);
        assertThat(ExitCodes.of(ended(JobStatus.FAILED, null))).isEqualTo(253);
        assertThat(ExitCodes.of(ended(JobStatus.CANCELLED, 1))).isEqualTo(251);
        assertThat(ExitCodes.of(ended(JobStatus.TIMED_OUT, null))).isEqualTo(252);
        assertThat(ExitCodes.of(ended(JobStatus.INTERRUPTED, null))).isEqualTo(253);
        // None of stata-mcp's own codes is a Stata return code, so a script can tell them apart.
        ReturnCodes stata = ReturnCodes.standard();
        for (int own : new int[] {ExitCodes.RC_OVER_255, ExitCodes.CANCELLED, ExitCodes.TIMED_OUT, ExitCodes.NO_RC,
                ExitCodes.NOT_STARTED}) {
            assertThat(stata.message(own)).as("r(%d)", own).isEmpty();
        }
        assertThat(stata.message(199)).isPresent();
        assertThatThrownBy(() -> ExitCodes.of(ended(JobStatus.RUNNING, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

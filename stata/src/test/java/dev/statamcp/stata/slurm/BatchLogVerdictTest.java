package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The minimal batch-log reader, against real StataNow 19 batch logs and the cases research/stata-engine.md names. */
class BatchLogVerdictTest {

    @Test
    void realNestedSuccess() {
        assertThat(BatchLogVerdict.of(Fixtures.text("stata19-batch-nested-success.log").lines().toList()))
                .isEqualTo(new BatchLogVerdict.Success());
    }

    @Test
    void realNestedErrorGivesRcAndMessage() {
        assertThat(BatchLogVerdict.of(Fixtures.text("stata19-batch-nested-error.log").lines().toList()))
                .isEqualTo(new BatchLogVerdict.Error(111, "bad_var not found"));
    }

    @Test
    void displayedRcIsNotAnError() {
        List<String> log = List.of("", ". display \"r(199);\"", "r(199);", "", ". ", "end of do-file");
        assertThat(BatchLogVerdict.of(log)).isEqualTo(new BatchLogVerdict.Success());
    }

    @Test
    void blankLinesAndBreakBetweenEndAndRcAreSkipped() {
        List<String> log = List.of(". sleep 100000", "--Break--", "r(1);", "", "end of do-file", "", "--Break--",
                "r(1);");
        assertThat(BatchLogVerdict.of(log)).isInstanceOfSatisfying(BatchLogVerdict.Error.class,
                e -> assertThat(e.rc()).isEqualTo(1));
    }

    @Test
    void logCutShortIsIncomplete() {
        List<String> log = List.of("", ". display \"a\"", "a", "", ". sleep 100000");
        assertThat(BatchLogVerdict.of(log)).isEqualTo(new BatchLogVerdict.Incomplete(". sleep 100000"));
    }

    @Test
    void exitStataAtTheEndIsSuccess() {
        List<String> log = List.of("", ". display \"a\"", "a", "", ". exit, clear STATA");
        assertThat(BatchLogVerdict.of(log)).isEqualTo(new BatchLogVerdict.Success());
    }
}

package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.testing.RealLogs;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLogVerdictTest {

    @Test
    void realSuccessLogSucceeded() {
        BatchLogVerdict v = BatchLogVerdict.of(RealLogs.lines(RealLogs.NESTED_SUCCESS));
        assertThat(v.state()).isEqualTo(BatchLogVerdict.State.SUCCEEDED);
        assertThat(v.rc()).hasValue(0);
    }

    @Test
    void realErrorLogFailedWith111() {
        BatchLogVerdict v = BatchLogVerdict.of(RealLogs.lines(RealLogs.NESTED_ERROR));
        assertThat(v.state()).isEqualTo(BatchLogVerdict.State.FAILED);
        assertThat(v.rc()).hasValue(111);
    }

    @Test
    void displayedReturnCodeIsNotAnError() {
        BatchLogVerdict v = BatchLogVerdict.of(List.of("", ". display \"r(199);\"", "r(199);", "", ". ",
                "end of do-file"));
        assertThat(v.state()).isEqualTo(BatchLogVerdict.State.SUCCEEDED);
    }

    @Test
    void logWithoutEndOfDoFileIsIncomplete() {
        BatchLogVerdict v = BatchLogVerdict.of(List.of("", ". sleep 60000"));
        assertThat(v.state()).isEqualTo(BatchLogVerdict.State.INCOMPLETE);
        assertThat(v.rc()).isEmpty();
    }

    @Test
    void breakIsReadAsReturnCodeOne() {
        BatchLogVerdict v = BatchLogVerdict.of(List.of(". sleep 60000", "--Break--", "r(1);", "",
                "end of do-file", "--Break--", "r(1);"));
        assertThat(v.rc()).hasValue(1);
        assertThat(v.breakSeen()).isTrue();
    }

    @Test
    void blankLinesBetweenEndAndReturnCodeAreAllowed() {
        BatchLogVerdict v = BatchLogVerdict.of(List.of("end of do-file", "", "r(601);"));
        assertThat(v.rc()).hasValue(601);
    }
}

package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.testing.RealLogs;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ErrorLocatorTest {

    private static List<OutputLine> classified(List<String> raw, int rc) {
        List<OutputLine> out = new java.util.ArrayList<>();
        LineClassifier c = new LineClassifier(java.time.Duration.ofMillis(20), out::add);
        raw.forEach(l -> c.accept(l, Instant.EPOCH));
        c.finish(OptionalInt.of(rc), false);
        return out;
    }

    @Test
    void findsInnermostMessageAndCommandInRealNestedLog() {
        List<OutputLine> lines = classified(RealLogs.lines(RealLogs.NESTED_ERROR), 111);
        ErrorLocator.Located e = ErrorLocator.locate(lines, 111);
        assertThat(e.message()).contains("bad_var not found");
        assertThat(e.command()).contains("gen y = bad_var + 1");
        assertThat(lines.get(e.returnCodeIndex()).text()).isEqualTo("r(111);");
    }

    @Test
    void multiLineMessagesAreKeptWhole() {
        List<OutputLine> lines = classified(List.of(". graph export x.xyz", "output-file suffix \"xyz\" not recognized",
                "    specify correct suffix or specify as() option", "r(198);", "", "end of do-file"), 198);
        assertThat(ErrorLocator.locate(lines, 198).message())
                .contains("output-file suffix \"xyz\" not recognized\n    specify correct suffix or specify as() option");
    }

    @Test
    void noReturnCodeLineGivesNothing() {
        ErrorLocator.Located e = ErrorLocator.locate(classified(List.of(". exit 459", ""), 459), 459);
        assertThat(e.returnCodeIndex()).isEqualTo(-1);
        assertThat(e.message()).isEmpty();
    }

    @Test
    void loopFailureNamesTheLoop() {
        List<OutputLine> lines = classified(List.of(". forvalues i = 1/2 {", "  2. gen v`i' = nope", "  3. }",
                "nope not found", "r(111);", "", "end of do-file"), 111);
        ErrorLocator.Located e = ErrorLocator.locate(lines, 111);
        assertThat(e.command()).contains("forvalues i = 1/2 {\n  2. gen v`i' = nope\n  3. }");
    }
}

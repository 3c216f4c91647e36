package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.testing.RealLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LineClassifierTest {

    private static final Duration HOLD = Duration.ofMillis(20);

    private static List<OutputLine> classify(List<String> lines, OptionalInt rc, boolean dropWrapper) {
        List<OutputLine> out = new ArrayList<>();
        LineClassifier c = new LineClassifier(HOLD, out::add);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (String line : lines) {
            c.accept(line, t);
        }
        c.finish(rc, dropWrapper);
        return out;
    }

    private static List<String> textsOf(List<OutputLine> lines, LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(OutputLine::text).toList();
    }

    @Test
    void aLongStreamComesOutWholeAndInOrderWhileTheQueueIsCompacted() {
        List<OutputLine> out = new java.util.ArrayList<>();
        LineClassifier live = new LineClassifier(java.time.Duration.ofDays(1), out::add);
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // an echo, 30 lines of output (more than a message may have), a failing command, its error and framing
            sent.add(". display " + i);
            for (int k = 0; k < 30; k++) {
                sent.add("v" + i + "." + k);
            }
            sent.add(""); // Stata ends each command's output with a blank line; an echo follows one
            sent.add(". generate y = nosuch" + i);
            sent.add("variable nosuch" + i + " not found");
            sent.add("r(111);");
            sent.add("end of do-file");
            sent.add("");
        }
        sent.add(". display \"done\"");
        for (String line : sent) {
            live.accept(line, java.time.Instant.EPOCH);
        }
        live.finish(OptionalInt.of(0), false);
        assertThat(out).extracting(OutputLine::text).containsExactlyElementsOf(sent);
        assertThat(textsOf(out, LineKind.ERROR)).hasSize(6000).contains("variable nosuch2999 not found", "r(111);");
        assertThat(textsOf(out, LineKind.ECHO)).hasSize(6001);
    }

    @Test
    void realSuccessLogHasEchoesAndOutputButNoErrors() {
        List<String> raw = RealLogs.lines(RealLogs.NESTED_SUCCESS);
        List<OutputLine> lines = classify(raw, OptionalInt.of(0), false);
        assertThat(lines).hasSize(raw.size());
        assertThat(textsOf(lines, LineKind.ERROR)).isEmpty();
        assertThat(textsOf(lines, LineKind.ECHO)).contains(". clear all", ". do nested/helper.do",
                ". gen y = x + rnormal()", ". summarize x y", ". ");
        assertThat(textsOf(lines, LineKind.OUTPUT)).contains("Number of observations (_N) was 0, now 100.",
                "Helper completed", "end of do-file")
                .anySatisfy(t -> assertThat(t).contains("Variable |"));
    }

    @Test
    void realErrorLogMarksMessageAndEveryReturnCodeAsError() {
        List<OutputLine> lines = classify(RealLogs.lines(RealLogs.NESTED_ERROR), OptionalInt.of(111), false);
        assertThat(textsOf(lines, LineKind.ERROR))
                .containsExactly("bad_var not found", "r(111);", "r(111);", "r(111);");
        assertThat(textsOf(lines, LineKind.ECHO)).contains(". gen y = bad_var + 1");
    }

    @Test
    void displayedReturnCodeFollowedByMoreCommandsIsOutput() {
        List<OutputLine> lines = classify(List.of(". display \"r(199);\"", "r(199);", "", ". display 2", "2", ""),
                OptionalInt.of(0), true);
        assertThat(textsOf(lines, LineKind.ERROR)).isEmpty();
        assertThat(textsOf(lines, LineKind.OUTPUT)).contains("r(199);");
    }

    @Test
    void displayedReturnCodeAsLastCommandIsOutputWhenTheRunSucceeded() {
        List<OutputLine> lines = classify(List.of(". display \"r(199);\"", "r(199);", ""), OptionalInt.of(0), true);
        assertThat(textsOf(lines, LineKind.ERROR)).isEmpty();
    }

    @Test
    void topLevelErrorInWrapperIsAnErrorAndWrapperFramingIsDropped() {
        List<OutputLine> lines = classify(List.of(". gen y = bad_var + 1", "bad_var not found", "r(111);", "",
                "end of do-file"), OptionalInt.of(111), true);
        assertThat(lines).extracting(OutputLine::text)
                .containsExactly(". gen y = bad_var + 1", "bad_var not found", "r(111);");
        assertThat(textsOf(lines, LineKind.ERROR)).containsExactly("bad_var not found", "r(111);");
    }

    @Test
    void wrapperEndIsDroppedButANestedEndOfDoFileIsKept() {
        List<OutputLine> lines = classify(List.of(". do inner.do", "", ". display 1", "1", "", ". ",
                "end of do-file", "", ". ", "end of do-file"), OptionalInt.of(0), true);
        assertThat(lines).extracting(OutputLine::text)
                .containsExactly(". do inner.do", "", ". display 1", "1", "", ". ", "end of do-file");
    }

    @Test
    void listRowsAndOutputStartingWithDotAreNotEchoes() {
        List<OutputLine> lines = classify(List.of(". list make in 1/2", "", "     +--------------+",
                "     | make         |", "  1. | AMC Concord  |", "  2. | AMC Pacer    |", "     +----+",
                "", ". display \". x\"", ". x", ""), OptionalInt.of(0), true);
        assertThat(textsOf(lines, LineKind.ECHO)).containsExactly(". list make in 1/2", ". display \". x\"",
                ". x");
        assertThat(textsOf(lines, LineKind.OUTPUT)).contains("  1. | AMC Concord  |");
    }

    @Test
    void loopDefinitionEchoesAreNumberedEchoes() {
        List<OutputLine> lines = classify(List.of(". forvalues i = 1/2 {", "  2.     display `i'", "  3. }", "1",
                "2", ""), OptionalInt.of(0), true);
        assertThat(textsOf(lines, LineKind.ECHO)).hasSize(3);
        assertThat(textsOf(lines, LineKind.OUTPUT)).containsExactly("1", "2");
    }

    @Test
    void breakAndItsReturnCodeAreErrors() {
        List<OutputLine> lines = classify(List.of(". sleep 60000", "--Break--", "r(1);", ""), OptionalInt.of(1),
                true);
        assertThat(textsOf(lines, LineKind.ERROR)).containsExactly("--Break--", "r(1);");
    }

    @Test
    void outputIsHeldOnlyUntilTheHoldTimeThenReleased() {
        List<OutputLine> seen = new ArrayList<>();
        LineClassifier c = new LineClassifier(HOLD, seen::add);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        c.accept(". forvalues i = 1/5 {", t0);
        c.accept("  2. display `i'", t0);
        c.accept("  3. sleep 200", t0);
        c.accept("  4. }", t0);
        c.accept("1", t0);
        assertThat(seen).hasSize(4);
        c.tick(t0.plusMillis(5));
        assertThat(seen).hasSize(4);
        c.tick(t0.plusMillis(21));
        assertThat(seen).hasSize(5);
        assertThat(seen.get(4).kind()).isEqualTo(LineKind.OUTPUT);
        assertThat(seen.get(4).at()).isEqualTo(t0);
    }

    @Test
    void messageArrivingWithItsReturnCodeIsAnError() {
        List<OutputLine> seen = new ArrayList<>();
        LineClassifier c = new LineClassifier(HOLD, seen::add);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        c.accept(". use nothere", t0);
        c.accept("file nothere.dta not found", t0);
        c.accept("r(601);", t0.plusMillis(2));
        c.accept("", t0.plusMillis(2));
        c.accept("end of do-file", t0.plusMillis(2));
        c.tick(t0.plusMillis(3));
        assertThat(seen).extracting(OutputLine::kind)
                .containsExactly(LineKind.ECHO, LineKind.ERROR, LineKind.ERROR);
    }

    @Test
    void aMessageReleasedAsOutputOnTimeIsAnErrorInTheFinalResult() {
        List<OutputLine> seen = new ArrayList<>();
        LineClassifier c = new LineClassifier(HOLD, seen::add);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        c.accept(". gen y = bad_var + 1", t0);
        c.accept("bad_var not found", t0);
        c.tick(t0.plusMillis(50)); // busy machine: r(111); comes late
        c.accept("r(111);", t0.plusMillis(60));
        c.accept("", t0.plusMillis(60));
        c.finish(OptionalInt.of(111), true);
        assertThat(seen).extracting(OutputLine::kind)
                .containsExactly(LineKind.ECHO, LineKind.OUTPUT, LineKind.ERROR);

        List<OutputLine> fixed = LineClassifier.reclassify(seen, OptionalInt.of(111));
        assertThat(fixed).extracting(OutputLine::kind).containsExactly(LineKind.ECHO, LineKind.ERROR, LineKind.ERROR);
        assertThat(fixed.get(1).at()).isEqualTo(t0);
    }

    @Test
    void outputBufferKeepsHeadAndTailAndReclassifiesBoth() {
        OutputBuffer b = new OutputBuffer(2, 3);
        Instant t = Instant.EPOCH;
        for (String text : List.of(". a", "1", "x", "y", ". gen z = q", "q not found", "r(111);")) {
            b.add(new OutputLine(t, LineKind.OUTPUT, text));
        }
        assertThat(b.total()).isEqualTo(7);
        assertThat(b.omitted()).isEqualTo(2);
        assertThat(b.arrivalIndex(3)).isEqualTo(5);
        assertThat(b.reclassified(OptionalInt.of(111))).extracting(OutputLine::kind).containsExactly(
                LineKind.ECHO, LineKind.OUTPUT, LineKind.ECHO, LineKind.ERROR, LineKind.ERROR);
    }
}

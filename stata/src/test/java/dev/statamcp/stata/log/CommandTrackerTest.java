package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTrackerTest {

    @Test
    void countsTopLevelEchoesAndIgnoresNestedOnes() {
        CommandTracker t = new CommandTracker(DoFileOutline.of("clear\ndo inner.do\ndisplay 1\n"));
        assertThat(t.total()).isEqualTo(3);
        assertThat(t.onEcho("clear", 0)).isTrue();
        assertThat(t.onEcho("do inner.do", 2)).isTrue();
        assertThat(t.onEcho("gen z = 5", 4)).isFalse();
        assertThat(t.echoed()).isEqualTo(2);
        assertThat(t.currentLine()).isEqualTo(2);
        assertThat(t.onEcho("display 1", 7)).isTrue();
        assertThat(t.echoed()).isEqualTo(3);
        assertThat(t.lineAt(5)).hasValue(2);
        assertThat(t.lineAt(8)).hasValue(3);
    }

    @Test
    void wrappedEchoMatchesByPrefixAndSpacingDoesNotMatter() {
        String longCommand = "display \"" + "x".repeat(120) + "\"";
        CommandTracker t = new CommandTracker(DoFileOutline.of("gen   a\t= 1\n" + longCommand + "\n"));
        assertThat(t.onEcho("gen a = 1", 0)).isTrue();
        assertThat(t.onEcho(longCommand.substring(0, 77), 2)).isTrue();
        assertThat(t.echoed()).isEqualTo(2);
    }

    @Test
    void shortPrefixDoesNotMatch() {
        CommandTracker t = new CommandTracker(DoFileOutline.of("display 1234\n"));
        assertThat(t.onEcho("display 1", 0)).isFalse();
    }

    @Test
    void aMissedEchoDoesNotStallProgress() {
        CommandTracker t = new CommandTracker(DoFileOutline.of("a\nb\nc\nd\n"));
        assertThat(t.onEcho("c", 0)).isTrue();
        assertThat(t.echoed()).isEqualTo(3);
        assertThat(t.onEcho("d", 1)).isTrue();
    }
}

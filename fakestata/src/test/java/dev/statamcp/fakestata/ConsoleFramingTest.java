package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's prompt/echo/blank-line framing, in-process. */
class ConsoleFramingTest {

    @Test
    void commandEchoOutputAndBlankLine() {
        assertThat(new InProcess().console("display 1+1")).isEqualTo("\n. display 1+1\n2\n\n. ");
    }

    @Test
    void commentsAndEmptyLinesGetNoBlankLine() {
        assertThat(new InProcess().output("* a comment", "", "// another", "display 3"))
                .isEqualTo(". * a comment\n. \n. // another\n. display 3\n3\n\n");
    }

    @Test
    void failedCommandPrintsMessageReturnCodeAndBlankLine() {
        assertThat(new InProcess().output("foo", "display _rc"))
                .isEqualTo(". foo\ncommand foo is unrecognized\nr(199);\n\n. display _rc\n0\n\n");
    }

    @Test
    void stata16WordingOfUnrecognizedCommand() {
        assertThat(new InProcess().version(16).output("foo"))
                .isEqualTo(". foo\nunrecognized command:  foo\nr(199);\n\n");
    }

    @Test
    void captureSwallowsErrorAndSetsRc() {
        assertThat(new InProcess().output("capture foo", "display _rc"))
                .isEqualTo(". capture foo\n\n. display _rc\n199\n\n");
    }

    @Test
    void captureNoisilyShowsMessageButNoReturnCode() {
        assertThat(new InProcess().output("capture noisily error 198", "display _rc"))
                .isEqualTo(". capture noisily error 198\ninvalid syntax\n\n. display _rc\n198\n\n");
    }

    @Test
    void quietlySuppressesOutputButNotErrors() {
        assertThat(new InProcess().output("quietly display 5", "quietly error 111x"))
                .startsWith(". quietly display 5\n\n. quietly error 111x\n");
    }

    @Test
    void loopBodyIsEchoedNumberedThenRun() {
        assertThat(new InProcess().output("forvalues i = 1/3 {", "display `i'*10", "}"))
                .isEqualTo(". forvalues i = 1/3 {\n  2. display `i'*10\n  3. }\n10\n20\n30\n\n");
    }

    @Test
    void errorInsideLoopReportedOnce() {
        assertThat(new InProcess().output("foreach v in a b {", "display `v'", "}"))
                .isEqualTo(". foreach v in a b {\n  2. display `v'\n  3. }\na not found\nr(111);\n\n");
    }

    @Test
    void exitWithChangedDataRefuses() {
        String out = new InProcess().output("set obs 1", "exit", "display 2");
        assertThat(out).contains(". exit\nno; dataset in memory has changed since last saved\nr(4);\n\n. display 2\n2\n");
    }
}

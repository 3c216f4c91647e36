package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constant {@code display} of whole lines is written as one encoded block where every destination takes plain
 * text; wherever that would change what is printed (an SMCL log, {@code --more--}, a line already started, a line
 * longer than the line size) it is printed piece by piece as before. Each case here must print exactly what the
 * piece-by-piece path prints.
 */
class DisplayBlockTest {
    private static final String TWELVE = "display \"1\" _n \"2\" _n \"3\" _n \"4\" _n \"5\" _n \"6\" _n \"7\" _n \"8\" _n"
            + " \"9\" _n \"10\" _n \"11\" _n \"12\"";

    @Test
    void aBlockReachesTheScreenAndATextLogAlike(@TempDir Path dir) throws Exception {
        String out = new InProcess().cwd(dir).output("quietly log using t.log, text name(t)",
                "display \"one\" _n \"two\" _n \"é ü\"", "quietly log close t");
        assertThat(out).contains(". display \"one\" _n \"two\" _n \"é ü\"\none\ntwo\né ü\n\n");
        assertThat(Files.readString(dir.resolve("t.log")))
                .isEqualTo("\n. display \"one\" _n \"two\" _n \"é ü\"\none\ntwo\né ü\n\n. quietly log close t\n");
    }

    @Test
    void anSmclLogBesideATextLogStillGetsItsMarkup(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("quietly log using t.log, text name(t)",
                "quietly log using s.smcl, smcl name(s)", "display \"a{b}\" _n \"c\"", "log close _all");
        assertThat(Files.readString(dir.resolve("s.smcl"))).contains("{res}a{c -(}b{c )-}\nc\n");
        assertThat(Files.readString(dir.resolve("t.log"))).contains("\na{b}\nc\n");
    }

    @Test
    void aLineAlreadyStartedIsContinued() {
        assertThat(new InProcess().output("display \"x\" _c", "display \"a\" _n \"b\""))
                .contains("x\n. display \"a\" _n \"b\"\na\nb\n");
        assertThat(new InProcess().output("noisily {", "display \"x\" _c", "display \"a\" _n \"b\"", "}"))
                .contains("xa\nb\n");
    }

    @Test
    void aLineLongerThanTheLineSizeWraps() {
        String out = new InProcess().output("set linesize 40", "display \"" + "0123456789".repeat(5) + "\" _n \"s\"");
        assertThat(out).contains("\n0123456789012345678901234567890123456789\n0123456789\ns\n");
    }

    @Test
    void moreOnPausesInsideABlock() {
        String out = new InProcess().output("set more on", "set pagesize 10", TWELVE, "", "display \"next\"");
        assertThat(out).contains("\n8\n9\n--more--\n10\n11\n12\n").contains("next\n");
    }

    @Test
    void quietlyAndCapturePrintNothingAndLeaveTheLineStart() {
        String out = new InProcess().output("quietly " + TWELVE, "capture " + TWELVE, "display \"after\"");
        assertThat(out).doesNotContain("\n12\n").contains(". display \"after\"\nafter\n");
    }

    @Test
    void aLoopPrintsTheSameBlockEveryTime(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("quietly log using t.log, text name(t)", "forvalues i = 1/3 {",
                "display \"loop\" _n \"body\"", "}", "quietly log close t");
        assertThat(Files.readString(dir.resolve("t.log"))).contains("}\nloop\nbody\nloop\nbody\nloop\nbody\n\n");
    }
}

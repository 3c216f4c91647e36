package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** help pages, {@code --more--} paging, c() values and version-dependent wording. */
class HelpAndMoreTest {

    @Test
    void helpPrintsAPageForKnownCommandsAndAnErrorOtherwise() {
        String out = new InProcess().output("help reg", "help frobnicate");
        assertThat(out).contains(". help reg\n[R] regress -- Linear regression\n")
                .contains(". help frobnicate\nhelp for frobnicate not found\ntry help contents or search frobnicate\n"
                        + "r(111);\n");
    }

    @Test
    void moreOnPausesAfterAPageAndAKeyContinues() {
        String out = new InProcess().output("set more on", "set pagesize 10", "forvalues i=1/12 {",
                "display `i'", "}", "", "display \"next\"");
        assertThat(out).contains("8\n9\n--more--\n10\n11\n12\n").contains("next\n");
    }

    @Test
    void qAtMoreBreaks() {
        String out = new InProcess().output("set more on", "set pagesize 10", "forvalues i=1/30 {",
                "display `i'", "}", "q", "display \"after\"");
        assertThat(out).contains("9\n--more--\n--Break--\nr(1);\n").doesNotContain("\n10\n").contains("after\n");
    }

    @Test
    void cValues() {
        String out = new InProcess().output("display c(stata_version) \"|\" c(edition) \"|\" c(mode) \"|\" "
                + "c(emulator) \"|\" c(linesize) \"|\" c(rc)", "set linesize 100", "display c(linesize)");
        assertThat(out).contains("\n18|MP||fakestata|80|0\n").contains("\n100\n");
        assertThat(new InProcess().version(19).output("display c(stata_version)")).contains("\n19\n");
    }

    @Test
    void setObsWordingDependsOnVersion() {
        assertThat(new InProcess().output("set obs 1000")).contains("Number of observations (_N) was 0, now 1,000.");
        assertThat(new InProcess().version(16).output("set obs 1000")).contains("\nobs was 0, now 1000\n");
    }
}

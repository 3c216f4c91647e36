package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmclToTextTest {

    private final SmclToText smcl = new SmclToText(78);

    @Test
    void dropsStylesAndRendersErrorSearchLinks() {
        assertThat(smcl.line("{com}. gen y = bad_var + 1")).isEqualTo(". gen y = bad_var + 1");
        assertThat(smcl.line("{err}bad_var not found")).isEqualTo("bad_var not found");
        assertThat(smcl.line("{txt}{search r(111), local:r(111);}")).isEqualTo("r(111);");
    }

    @Test
    void logHeaderBecomesTheTextHeader() {
        String doc = "{smcl}\n{txt}{sf}{ul off}{.-}\n      name:  {res}<unnamed>\n"
                + "       {txt}log:  {res}/tmp/x.smcl\n";
        String text = smcl.convert(doc);
        assertThat(text).startsWith("-".repeat(78) + "\n      name:  <unnamed>\n       log:  /tmp/x.smcl");
    }

    @Test
    void tableDirectivesAreLaidOut() {
        assertThat(smcl.line("{txt}{space 4}Variable {c |}{res}{col 20}74")).isEqualTo("    Variable |     74");
        assertThat(smcl.line("{hline 13}{c +}{hline 3}")).isEqualTo("-------------+---");
        assertThat(smcl.line("{ralign 8:abc}|")).isEqualTo("     abc|");
        assertThat(smcl.line("{lalign 6:ab}|")).isEqualTo("ab    |");
    }

    @Test
    void linksShowTheirText() {
        assertThat(smcl.line("see {help regress:the regress help} and {help summarize}"))
                .isEqualTo("see the regress help and summarize");
        assertThat(smcl.line("{manhelp regress R}")).isEqualTo("[R] regress");
        assertThat(smcl.line("{bf:{help x:nested}}")).isEqualTo("nested");
    }

    @Test
    void escapedBracesAndCharacterCodes() {
        assertThat(smcl.line("{c -(}x{c )-} {c 0x41}{c 66} {c S|}HOME")).isEqualTo("{x} AB $HOME");
    }

    @Test
    void unknownDirectivesLeaveNoMarkup() {
        assertThat(smcl.line("{p 4 4 2}{marker syntax}{title:Syntax}{* a comment}")).isEqualTo("Syntax");
    }
}

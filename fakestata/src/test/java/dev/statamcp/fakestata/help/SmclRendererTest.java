package dev.statamcp.fakestata.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SMCL to console text: line mode, paragraphs and their indents, two-column entries, inline directives. */
class SmclRendererTest {

    private static String render(String smcl, int width) {
        return String.join("\n", SmclRenderer.render(smcl, width));
    }

    @Test
    void linesAreKeptAndDirectivesWithoutTextLeaveNothing() {
        assertThat(render("""
                {smcl}
                {* a comment}{...}
                {marker top}{...}
                {title:Title}

                plain {cmd:line}{col 20}at 20{right:end}
                {hline 5} and {bf:bold} {it:italic} {c |} {c -(}x{c )-}
                {hline}
                """, 40)).isEqualTo("""
                Title

                plain line         at 20             end
                ----- and bold italic | {x}
                ----------------------------------------""");
    }

    @Test
    void paragraphsFlowToTheWidthWithTheirIndents() {
        assertThat(render("""
                {pstd}
                one two three four five six seven eight nine ten eleven twelve

                {phang}
                {opt d:etail} hangs its second line under the text, as phang does{p_end}
                {p 2 6 0}bound {bind:words stay together} here{break}broken{p_end}
                after
                """, 30)).isEqualTo("""
                    one two three four five
                    six seven eight nine ten
                    eleven twelve

                    detail hangs its second
                        line under the text,
                        as phang does
                  bound words stay together
                      here
                      broken
                after""");
    }

    @Test
    void twoColumnEntriesUseTheSynoptColumns() {
        assertThat(render("""
                {synoptset 12 tabbed}{...}
                {synopthdr}
                {synoptline}
                {syntab:Main}
                {synopt:{opt sep:arator(#)}}a long description that has to wrap{p_end}
                {synopt:{opth path(strings:path)}}short{p_end}
                {synoptline}
                {p2colset 1 10 12 2}{...}
                {p2col:{manlink R x} {hline 2}}Title text{p_end}
                {p2colreset}{...}
                """, 40)).isEqualTo("""
                    options       Description
                    ----------------------------------
                    Main
                      separator(#)
                                  a long description
                                    that has to wrap
                      path(path)  short
                    ----------------------------------
                [R] x -- Title text""");
    }

    @Test
    void linksAndSyntaxElementsShowTheirText() {
        assertThat(render("{help regress} {help regress##opts:the options} {manhelp summarize R} "
                + "{cmdab:su:mmarize} [{varlist}] {ifin} {browse \"https://x\"} {mansection R x:PDF}", 200))
                .isEqualTo("regress the options [R] summarize summarize [varlist] [if] [in] https://x PDF");
    }
}

package dev.statamcp.server.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmclToMarkdownTest {
    static String sample() throws Exception {
        try (InputStream in = SmclToMarkdownTest.class.getResourceAsStream("/help/sample.sthlp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void titlesBecomeHeadingsAndViewerDirectivesVanish() throws Exception {
        String md = SmclToMarkdown.convert(sample());
        assertThat(SmclToMarkdown.sections(md)).containsExactly("Title", "Syntax", "Description", "Examples");
        assertThat(md).doesNotContain("{", "}", "viewerjumpto", "marker", "version 1.0.0");
        assertThat(md).contains("[R] sample -- Fit a sample model");
    }

    @Test
    void syntaxKeepsCommandsOptionsAndPlaceholdersReadable() throws Exception {
        String syntax = SmclToMarkdown.section(SmclToMarkdown.convert(sample()), "syntax");
        assertThat(syntax).startsWith("## Syntax");
        assertThat(syntax).contains("`sample` *depvar* [*indepvars*] [*if*] [*in*] [`,` *options*]");
        assertThat(syntax).contains("- `noconstant` suppress constant term");
        assertThat(syntax).contains("- `vce(vcetype)` *vcetype* may be `ols` or `robust`");
        assertThat(syntax).contains("**Model**");
        assertThat(syntax).doesNotContain("## Description");
    }

    @Test
    void linksKeepTheirTextAndSectionsAreFoundByPrefix() throws Exception {
        String md = SmclToMarkdown.convert(sample());
        String description = SmclToMarkdown.section(md, "desc");
        assertThat(description).contains("see `regress` for the", "the web page");
        assertThat(SmclToMarkdown.section(md, "EXAMPLES")).contains("`. sysuse auto`", "`. sample price mpg`");
        assertThat(SmclToMarkdown.section(md, "stored results")).isNull();
    }

    @Test
    void nestedDirectivesAndBoxCharacters() {
        assertThat(SmclToMarkdown.inline("{bf:{cmd:x} and {it:y}}")).isEqualTo("**`x` and *y***");
        assertThat(SmclToMarkdown.inline("a{c |}b{c +}")).isEqualTo("a|b+");
        assertThat(SmclToMarkdown.inline("{hline 3}")).isEqualTo("---");
        assertThat(SmclToMarkdown.inline("{cmdab:reg:ress}")).isEqualTo("`regress`");
        assertThat(SmclToMarkdown.inline("{stata \"sysuse auto\":sysuse auto}")).isEqualTo("`sysuse auto`");
        assertThat(SmclToMarkdown.inline("unbalanced {brace")).isEqualTo("unbalanced {brace");
    }
}

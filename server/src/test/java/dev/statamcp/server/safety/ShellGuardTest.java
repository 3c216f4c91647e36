package dev.statamcp.server.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"shell ls", "sh ls -la", "!ls", "! rm -rf data", "winexec notepad", "xshell xterm",
            "unix ls", "capture shell ls", "qui: !echo hi", "cap noi shell ls", "bysort id: shell ls",
            "  SHELL ls", "foreach f in a b {\n  shell rm `f'\n}", "#delimit ;\ndisplay 1;\nshell ls;"})
    void shellEscapesAreFound(String code) {
        assertThat(ShellGuard.find(code)).as(code).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"display 1 != 2", "keep if !missing(price)", "gen shelly = 1", "display \"shell\"",
            "* shell ls", "// shell ls", "/* shell ls */ display 1", "display 1 // then shell ls",
            "local sh = 1", "summarize shell_size", "regress y x ///\n  shell", "/* a\nshell ls\n*/"})
    void ordinaryCodeIsNotMistakenForAShellEscape(String code) {
        assertThat(ShellGuard.find(code)).as(code).isEmpty();
    }

    @Test
    void theFindingNamesTheLineAndTheStatement() {
        ShellGuard.Finding f = ShellGuard.find("sysuse auto\n/* comment\n spanning */\ncapture !ls -la\n")
                .orElseThrow();
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.command()).isEqualTo("!");
        assertThat(f.statement()).isEqualTo("capture !ls -la");
        assertThat(ShellGuard.refusal(f)).contains("line 4", "`capture !ls -la`", "--allow-shell",
                "not a sandbox");
    }
}

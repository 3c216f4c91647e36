package dev.statamcp.fakestata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macro expansion rules: locals, globals, nesting, compound quotes, escapes, undefined names. */
class MacroExpanderTest {
    private final Map<String, String> locals = new HashMap<>();
    private final Map<String, String> globals = new HashMap<>();
    private final MacroEnvironment env = new MacroEnvironment() {
        @Override
        public String local(String name) {
            return locals.getOrDefault(name, "");
        }

        @Override
        public void setLocal(String name, String value) {
            locals.put(name, value);
        }

        @Override
        public String global(String name) {
            return globals.getOrDefault(name, "");
        }

        @Override
        public String evaluate(String expression) {
            return "<" + expression + ">";
        }

        @Override
        public String extended(String function) {
            return "[" + function + "]";
        }
    };

    @Test
    void localsGlobalsAndNesting() {
        locals.put("i", "2");
        locals.put("x2", "two");
        globals.put("G", "gee");
        assertThat(MacroExpander.expand("a `i' `x`i'' $G ${G}s", env)).isEqualTo("a 2 two gee gees");
    }

    @Test
    void undefinedLocalIsEmptySoAMarkerLineExpandsToNothing() {
        assertThat(MacroExpander.expand("`d41d8cd98f00b204e9800998ecf8427e'", env)).isEmpty();
    }

    @Test
    void compoundQuotesEscapesAndSpecialForms() {
        assertThat(MacroExpander.expand("display `\"a \"b\" c\"'", env)).isEqualTo("display `\"a \"b\" c\"'");
        assertThat(MacroExpander.expand("\\$notglobal \\`x'", env)).isEqualTo("$notglobal `x'");
        assertThat(MacroExpander.expand("`=1+1' `: word count a b'", env)).isEqualTo("<1+1> [word count a b]");
        assertThat(MacroExpander.expand("cost: $5", env)).isEqualTo("cost: $5");
        locals.put("n", "4");
        assertThat(MacroExpander.expand("`++n' `n++' `n'", env)).isEqualTo("5 5 6");
    }
}

package dev.statamcp.fakestata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.fakestata.script.CommandReader;
import dev.statamcp.fakestata.script.SourceLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How do-file text becomes commands: comments, continuations, #delimit. */
class CommandReaderTest {

    private static List<SourceLine> read(boolean semicolon, String... lines) {
        Iterator<String> it = List.of(lines).iterator();
        CommandReader r = new CommandReader(prompt -> it.hasNext() ? it.next() : null);
        r.setSemicolonDelimiter(semicolon);
        List<SourceLine> out = new ArrayList<>();
        SourceLine l;
        while ((l = r.next(". ")) != null) {
            out.add(l);
        }
        return out;
    }

    @Test
    void commentsAreRemovedButQuotedTextIsKept() {
        List<SourceLine> l = read(false, "* star comment", "display 1 // rest", "display \"a // b\" /* c */ 2",
                "display \"http://x\"");
        assertThat(l).extracting(SourceLine::code).containsExactly("", "display 1 ", "display \"a // b\"   2",
                "display \"http://x\"");
    }

    @Test
    void continuationsJoinPhysicalLines() {
        List<SourceLine> l = read(false, "display 1 ///", "  + 2", "/* open", "still */ display 3");
        assertThat(l).hasSize(2);
        assertThat(l.get(0).physical()).containsExactly("display 1 ///", "  + 2");
        assertThat(l.get(0).code()).isEqualTo("display 1    + 2");
        assertThat(l.get(1).code().strip()).isEqualTo("display 3");
    }

    @Test
    void semicolonDelimiterSplitsAtSemicolons() {
        List<SourceLine> l = read(true, "display 1;display", "2 ; display 3;", "#delimit cr");
        assertThat(l).extracting(SourceLine::code).containsExactly("display 1", "display 2", "display 3",
                "#delimit cr");
    }
}

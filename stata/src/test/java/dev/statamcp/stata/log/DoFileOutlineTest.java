package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoFileOutlineTest {

    private static List<Integer> lines(String code) {
        return DoFileOutline.of(code).commands().stream().map(DoFileOutline.Command::line).toList();
    }

    @Test
    void countsCommandsAndSkipsCommentsAndBlankLines() {
        String code = "* a comment\nclear all\n\nset obs 10 // trailing\n// full-line comment\ngen x = 1\n";
        assertThat(lines(code)).containsExactly(2, 4, 6);
    }

    @Test
    void blocksCountOnce() {
        String code = "forvalues i = 1/5 {\n    display `i'\n    sleep 200\n}\ndisplay \"done\"\n"
                + "if 1 {\n  if 2 {\n    display 3\n  }\n}\n";
        assertThat(lines(code)).containsExactly(1, 5, 6);
    }

    @Test
    void programMataAndInputBodiesCountOnce() {
        String code = "capture program drop hi\nprogram define hi\n  display \"hi\"\nend\nhi\n"
                + "mata\n x = 1\nend\ninput x y\n1 2\nend\nlist\n";
        assertThat(lines(code)).containsExactly(1, 2, 5, 6, 9, 12);
    }

    @Test
    void continuationsAndBlockCommentsJoinLines() {
        String code = "gen y = ///\n  1 + ///\n  2\n/* a\n b */\nreg y x /* note\n */ , robust\ndisplay 1\n";
        DoFileOutline outline = DoFileOutline.of(code);
        assertThat(outline.commands()).extracting(DoFileOutline.Command::line).containsExactly(1, 6, 8);
        assertThat(outline.commands().get(0).text()).isEqualTo("gen y = ///\n  1 + ///\n  2");
        assertThat(outline.commands().get(0).firstLine()).isEqualTo("gen y = ///");
    }

    @Test
    void delimitSemicolonSplitsOnSemicolons() {
        String code = "#delimit ;\ngen a = 1;\ngen b = 2; gen c = 3;\nreg a\n  b;\n#delimit cr\ndisplay 4\n";
        assertThat(lines(code)).containsExactly(1, 2, 3, 3, 4, 6, 7);
    }

    @Test
    void urlsInStringsAreNotComments() {
        assertThat(lines("display \"http://x.org // no\"\ndisplay 2")).containsExactly(1, 2);
    }

    @Test
    void emptyCodeHasNoCommands() {
        assertThat(DoFileOutline.of("").size()).isZero();
        assertThat(DoFileOutline.of("\n* only a comment\n").size()).isZero();
    }
}

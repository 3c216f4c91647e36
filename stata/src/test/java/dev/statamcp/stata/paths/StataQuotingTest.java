package dev.statamcp.stata.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StataQuotingTest {

    @Test
    void plainPathsGetDoubleQuotes() {
        assertThat(StataQuoting.quote("/data/my project/run.do", false)).isEqualTo("\"/data/my project/run.do\"");
    }

    @Test
    void apostrophesAndChineseNeedNoEscape() {
        assertThat(StataQuoting.quote("/home/O'Brien/数据/分析.do", false))
                .isEqualTo("\"/home/O'Brien/数据/分析.do\"");
    }

    @Test
    void macroCharactersAreEscaped() {
        assertThat(StataQuoting.quote("/tmp/a$b/`x'.do", false)).isEqualTo("\"/tmp/a\\$b/\\`x'.do\"");
    }

    @Test
    void windowsBackslashesBecomeForwardSlashes() {
        assertThat(StataQuoting.quote("C:\\Users\\O'Brien\\`x'\\数据.do", true))
                .isEqualTo("\"C:/Users/O'Brien/\\`x'/数据.do\"");
    }

    @Test
    void embeddedDoubleQuoteUsesCompoundQuotes() {
        assertThat(StataQuoting.quote("/tmp/say \"hi\".do", false)).isEqualTo("`\"/tmp/say \"hi\".do\"'");
    }

    @Test
    void unquotableNamesAreRejectedWithAReason() {
        assertThatThrownBy(() -> StataQuoting.quote("/tmp/a\nb", false)).hasMessageContaining("line break");
        assertThatThrownBy(() -> StataQuoting.quote("/tmp/a\\$b", false)).hasMessageContaining("backslash");
        assertThatThrownBy(() -> StataQuoting.quote("/tmp/\"'x", false)).hasMessageContaining("Rename");
    }

    @Test
    void unixBackslashElsewhereIsKept() {
        assertThat(StataQuoting.quote("/tmp/a\\b", false)).isEqualTo("\"/tmp/a\\b\"");
    }

    @Test
    void argumentsAreBareWhenSafe() {
        assertThat(StataQuoting.argument("2024")).isEqualTo("2024");
        assertThat(StataQuoting.argument("two words")).isEqualTo("\"two words\"");
        assertThat(StataQuoting.argument("")).isEqualTo("\"\"");
        assertThat(StataQuoting.argument("价格")).isEqualTo("\"价格\"");
    }

    @Test
    void quotesAPathOfThisPlatform() {
        assertThat(StataQuoting.quote(Path.of("/tmp/x y.do"))).isEqualTo("\"/tmp/x y.do\"");
    }
}

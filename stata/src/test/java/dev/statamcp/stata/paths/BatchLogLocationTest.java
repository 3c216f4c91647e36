package dev.statamcp.stata.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BatchLogLocationTest {

    @Test
    void stemDropsDoAndCutsAtFirstSpace() {
        assertThat(BatchLogLocation.stem("main.do")).isEqualTo("main");
        assertThat(BatchLogLocation.stem("foo bar.do")).isEqualTo("foo");
        assertThat(BatchLogLocation.stem("/a b/c d e.do")).isEqualTo("c");
        assertThat(BatchLogLocation.stem("C:\\x y\\分析.do")).isEqualTo("分析");
        assertThat(BatchLogLocation.stem("O'Brien.DO")).isEqualTo("O'Brien");
    }

    @Test
    void logIsInTheWorkingDirectoryNotBesideTheDoFile() {
        assertThat(BatchLogLocation.logFile(Path.of("/work/dir"), Path.of("/elsewhere/my run.do")))
                .isEqualTo(Path.of("/work/dir/my.log"));
    }
}

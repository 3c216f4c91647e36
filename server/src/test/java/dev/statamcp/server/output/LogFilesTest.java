package dev.statamcp.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void tailReadsTheLastLinesOfAFileLargerThanOneChunk() throws Exception {
        Path log = dir.resolve("big.log");
        String text = IntStream.rangeClosed(1, 50_000).mapToObj(i -> "line " + i + " 中文")
                .collect(Collectors.joining("\n")) + "\n";
        Files.writeString(log, text);
        assertThat(LogFiles.tail(log, 3)).containsExactly("line 49998 中文", "line 49999 中文", "line 50000 中文");
        assertThat(LogFiles.tail(log, 1)).containsExactly("line 50000 中文");
    }

    @Test
    void tailOfAShortFileOrWithoutFinalNewlineOrMissing() throws Exception {
        Path log = dir.resolve("short.log");
        Files.writeString(log, "a\nb\n\nc");
        assertThat(LogFiles.tail(log, 10)).containsExactly("a", "b", "", "c");
        assertThat(LogFiles.tail(log, 2)).containsExactly("", "c");
        assertThat(LogFiles.tail(dir.resolve("none.log"), 5)).isEmpty();
    }

    @Test
    void classifiedReadingMarksEchoesAndSurvivesBytesThatAreNotUtf8() throws Exception {
        Path log = dir.resolve("latin1.log");
        Files.write(log, ". display \"caf\u00e9\"\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        List<LogLine> lines = LogFiles.readClassified(log);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).echo()).isTrue();
        assertThat(lines.get(1).echo()).isFalse();
        assertThat(lines.get(1).text()).startsWith("caf");
    }
}

package dev.statamcp.stata.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesNothingUntilItAppears() throws Exception {
        Path log = dir.resolve("a.log");
        try (LogTailer t = new LogTailer(log)) {
            assertThat(t.poll()).isEmpty();
            assertThat(t.exists()).isFalse();
            Files.writeString(log, "one\n");
            assertThat(t.poll()).containsExactly("one");
        }
    }

    @Test
    void partialLinesAndSplitMultibyteCharactersWaitForTheirNewline() throws Exception {
        Path log = dir.resolve("b.log");
        byte[] chinese = "数据\r\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE_NEW);
             LogTailer t = new LogTailer(log)) {
            out.write("abc".getBytes(StandardCharsets.UTF_8));
            out.write(chinese, 0, 2);
            out.flush();
            assertThat(t.poll()).isEmpty();
            assertThat(t.unterminatedTail()).startsWith("abc");
            out.write(chinese, 2, chinese.length - 2);
            out.write("\n\nlast".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(t.poll()).containsExactly("abc数据", "", "");
            assertThat(t.unterminatedTail()).isEqualTo("last");
        }
    }

    @Test
    void readsLargeFilesCompletely() throws Exception {
        Path log = dir.resolve("c.log");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            b.append("line ").append(i).append('\n');
        }
        Files.writeString(log, b.toString());
        assertThat(LogTailer.readAll(log)).hasSize(20000).endsWith("line 19999");
    }

    @Test
    void truncatedFileIsReadFromTheStart() throws Exception {
        Path log = dir.resolve("d.log");
        Files.writeString(log, "old line one\nold line two\n");
        try (LogTailer t = new LogTailer(log)) {
            assertThat(t.poll()).hasSize(2);
            Files.writeString(log, "new\n");
            assertThat(t.poll()).containsExactly("new");
        }
    }
}

package dev.statamcp.server.rest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a session run's log: only what the job printed, with exact offsets, from anywhere in the file. */
class LogCursorTest {
    @TempDir
    Path dir;

    /** The layout the console engine leaves in a job's log (taken from a run on the emulator). */
    static final String WRAPPED = """

            . _return hold _smcpgab12cd

            . display "__SMCP_" "G0_ab12cd__ `r(list)'"
            __SMCP_G0_ab12cd__\s

            . display "__SMCP_" "BEGIN_ab12cd__"
            __SMCP_BEGIN_ab12cd__

            . capture noisily include "/tmp/data/sessions/session-default-1/run-ab12cd.do"

            . display 1
            1

            . foo bar
            command foo is unrecognized
            r(199);

            end of do-file

            . display "__SMCP_" "END_ab12cd__ " _rc
            __SMCP_END_ab12cd__ 199

            . display "__SMCP_" "DONE_ab12cd__"
            __SMCP_DONE_ab12cd__

            . quietly log close _smcpab12cd
            """;

    static final List<String> OUTPUT = List.of(". display 1", "1", "", ". foo bar", "command foo is unrecognized",
            "r(199);");

    Path write(String text) throws Exception {
        Path log = dir.resolve("stata.log");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }

    static List<LogCursor.Line> all(LogCursor cursor, boolean takePartial) throws Exception {
        List<LogCursor.Line> lines = new ArrayList<>();
        for (LogCursor.Line l; (l = cursor.next(takePartial)) != null; ) {
            lines.add(l);
        }
        return lines;
    }

    static List<String> output(List<LogCursor.Line> lines) {
        return lines.stream().filter(LogCursor.Line::output).map(LogCursor.Line::text).toList();
    }

    @Test
    void onlyTheJobsOwnLinesAreOutputWithoutTheIncludesClosingLines() throws Exception {
        Path log = write(WRAPPED);
        try (LogCursor cursor = LogCursor.open(log, true, 0)) {
            List<LogCursor.Line> lines = all(cursor, true);
            assertThat(output(lines)).containsExactlyElementsOf(OUTPUT);
            assertThat(lines.get(lines.size() - 1).next()).isEqualTo(Files.size(log));
            // Offsets are exact byte positions: each line's text is at its offset in the file.
            byte[] bytes = Files.readAllBytes(log);
            for (LogCursor.Line l : lines) {
                assertThat(new String(bytes, (int) l.offset(), (int) (l.next() - l.offset()), StandardCharsets.UTF_8))
                        .startsWith(l.text());
            }
            assertThat(lines.stream().filter(l -> l.text().equals(". display 1")).findFirst().orElseThrow().echo())
                    .isTrue();
        }
    }

    @Test
    void resumingAtAnyLineStartGivesTheSameRemainingOutput() throws Exception {
        Path log = write(WRAPPED);
        List<LogCursor.Line> whole;
        try (LogCursor cursor = LogCursor.open(log, true, 0)) {
            whole = all(cursor, true);
        }
        for (LogCursor.Line from : whole) {
            try (LogCursor cursor = LogCursor.open(log, true, from.offset())) {
                List<String> expected = output(whole.stream().filter(l -> l.offset() >= from.offset()).toList());
                assertThat(output(all(cursor, true))).as("from offset %d", from.offset())
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aGrowingLogIsReadLineByLineAndClosingLinesWaitForWhatFollows() throws Exception {
        String head = WRAPPED.substring(0, WRAPPED.indexOf("command foo"));
        Path log = write(head + "command fo");
        try (LogCursor cursor = LogCursor.open(log, true, 0)) {
            assertThat(output(all(cursor, false))).containsExactly(". display 1", "1", "", ". foo bar");
            long position = cursor.position();
            Files.writeString(log, head + "command foo is unrecognized\nr(199);\n\nend of do-file\n",
                    StandardCharsets.UTF_8);
            // The blank line and "end of do-file" may be the include's closing lines: held until the next line.
            assertThat(output(all(cursor, false))).containsExactly("command foo is unrecognized", "r(199);");
            assertThat(cursor.position()).isGreaterThan(position).isLessThan(Files.size(log));
            Files.writeString(log, WRAPPED, StandardCharsets.UTF_8);
            assertThat(output(all(cursor, true))).isEmpty();
            assertThat(cursor.outputEnded()).isTrue();
        }
    }

    @Test
    void aNestedDoFilesEndStaysVisible() throws Exception {
        String text = WRAPPED.replace("r(199);\n\nend of do-file\n",
                "r(199);\n\nend of do-file\n\n. display 3\n3\n\n. \nend of do-file\n");
        try (LogCursor cursor = LogCursor.open(write(text), true, 0)) {
            assertThat(output(all(cursor, true))).endsWith("r(199);", "", "end of do-file", "", ". display 3", "3");
        }
    }

    @Test
    void batchLogsHaveNoWrapperAndAKilledRunKeepsItsLastLines() throws Exception {
        Path log = write("\n. display 1\n1\n\n. sleep 100\n\n. \nend of do-file\npartial");
        try (LogCursor cursor = LogCursor.open(log, false, 0)) {
            assertThat(output(all(cursor, false))).containsExactly("", ". display 1", "1", "", ". sleep 100", "", ". ",
                    "end of do-file");
            assertThat(output(all(cursor, true))).containsExactly("partial");
        }
        // A session log cut off mid-run (killed): what was held is shown once the log is known to be over.
        String cut = WRAPPED.substring(0, WRAPPED.indexOf("end of do-file"));
        try (LogCursor cursor = LogCursor.open(write(cut), true, 0)) {
            assertThat(output(all(cursor, true))).containsExactlyElementsOf(List.of(". display 1", "1", "",
                    ". foo bar", "command foo is unrecognized", "r(199);", ""));
        }
    }

    @Test
    void longLinesAreCutButOffsetsStayExactAndCarriageReturnsGo() throws Exception {
        String longLine = "x".repeat(LogLineReader.MAX_LINE_BYTES + 500);
        Path log = write("a\r\n" + longLine + "\nb\n");
        try (LogCursor cursor = LogCursor.open(log, false, 0)) {
            List<LogCursor.Line> lines = all(cursor, false);
            assertThat(lines).extracting(LogCursor.Line::text).containsExactly("a",
                    "x".repeat(LogLineReader.MAX_LINE_BYTES), "b");
            assertThat(lines.get(1).cut()).isTrue();
            assertThat(lines.get(2).offset()).isEqualTo(3 + longLine.length() + 1);
        }
        try (LogCursor cursor = LogCursor.open(log, false, 5)) { // inside the long line: starts at the next line
            assertThat(all(cursor, false)).extracting(LogCursor.Line::text).containsExactly("b");
        }
    }

    @Test
    void echoLinesAreRecognised() {
        assertThat(OutputRegion.isEcho(". regress y x")).isTrue();
        assertThat(OutputRegion.isEcho(".")).isTrue();
        assertThat(OutputRegion.isEcho("  2.   display \"step\"")).isTrue();
        assertThat(OutputRegion.isEcho("  12. }")).isTrue();
        assertThat(OutputRegion.isEcho("1.5")).isFalse();
        assertThat(OutputRegion.isEcho("  3.14 is pi")).isFalse();
        assertThat(OutputRegion.isEcho("(1978 automobile data)")).isFalse();
    }
}

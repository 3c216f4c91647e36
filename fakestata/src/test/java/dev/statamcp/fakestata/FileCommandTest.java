package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code file open/write/read/seek/close/query}: the program the server runs to collect results into a file, each
 * text directive byte for byte, reading lines back with r(eof) and r(status), binary specs, and Stata's errors.
 */
class FileCommandTest {

    /** The server's results program, as it sends it (the path is put in by the caller). */
    private static List<String> resultsProgram(Path file) {
        return List.of(
                "capture file close _smcpfh",
                "file open _smcpfh using \"" + file + "\", write replace text",
                "foreach _smcpn in `: r(scalars)' {",
                "file write _smcpfh \"scalar\" _tab \"`_smcpn'\" _tab %21.0g (r(`_smcpn')) _n",
                "}",
                "foreach _smcpn in `: e(macros)' {",
                "file write _smcpfh \"macro\" _tab \"`_smcpn'\" _tab `\"`e(`_smcpn')'\"' _n",
                "}",
                "foreach _smcpn in `: e(matrices)' {",
                "matrix _smcpm = e(`_smcpn')",
                "file write _smcpfh \"matrix\" _tab \"`_smcpn'\" _tab (rowsof(_smcpm)) _tab (colsof(_smcpm)) _n",
                "foreach _smcpx in `: rownames _smcpm' {",
                "file write _smcpfh \"rownames\" _tab `\"`_smcpx'\"' _n",
                "}",
                "forvalues _smcpi = 1/`=rowsof(_smcpm)' {",
                "forvalues _smcpj = 1/`=colsof(_smcpm)' {",
                "file write _smcpfh \"el\" _tab %21.0g (el(_smcpm, `_smcpi', `_smcpj')) _n",
                "}",
                "}",
                "matrix drop _smcpm",
                "}",
                "foreach _smcpn in `: e(functions)' {",
                "file write _smcpfh \"function\" _tab \"`_smcpn'\" _n",
                "}",
                "file write _smcpfh \"shape\" _tab (_N) _tab (c(k)) _n",
                "foreach _smcpv of varlist _all {",
                "file write _smcpfh \"var\" _tab \"`_smcpv'\" _tab \"`: type `_smcpv''\" _tab \"`: format `_smcpv''\" "
                        + "_tab \"`: value label `_smcpv''\" _tab `\"`: variable label `_smcpv''\"' _n",
                "}",
                "file close _smcpfh");
    }

    /** What the program writes after sysuse auto, summarize price, regress price mpg (tabs shown as |). */
    private static final String RESULTS = """
            scalar|sum|               456229
            scalar|max|                15906
            scalar|min|                 3291
            scalar|sd| 2949.495884768918586
            scalar|Var| 8699525.974268786609
            scalar|mean| 6165.256756756756658
            scalar|sum_w|                   74
            scalar|N|                   74
            macro|estat_cmd|regress_estat
            macro|model|ols
            macro|predict|regres_p
            macro|properties|b V
            macro|cmd|regress
            macro|depvar|price
            macro|vce|ols
            macro|marginsok|XB default
            macro|title|Linear regression
            macro|cmdline|regress price mpg
            matrix|V|2|2
            rownames|mpg
            rownames|_cons
            el| 2817.134720023775117
            el|-59997.35565888472775
            el|-59997.35565888472775
            el| 1370802.527008325793
            matrix|b|1|2
            rownames|y1
            el|-238.8943456331297455
            el| 11253.06065834881701
            function|sample
            shape|74|12
            var|make|str18|%-18s||Make and model
            var|price|int|%8.0gc||Price
            var|mpg|int|%8.0g||Mileage (mpg)
            var|rep78|int|%8.0g||Repair record 1978
            var|headroom|float|%6.1f||Headroom (in.)
            var|trunk|int|%8.0g||Trunk space (cu. ft.)
            var|weight|int|%8.0gc||Weight (lbs.)
            var|length|int|%8.0g||Length (in.)
            var|turn|int|%8.0g||Turn circle (ft.)
            var|displacement|int|%8.0g||Displacement (cu. in.)
            var|gear_ratio|float|%6.2f||Gear ratio
            var|foreign|byte|%8.0g|origin|Car origin
            """.replace('|', '\t');

    private static Path awkwardFolder(Path dir) throws Exception {
        return Files.createDirectories(dir.resolve("with spaces").resolve("中文").resolve("O'Brien"));
    }

    @Test
    void resultsProgramTypedAtTheConsoleWritesEveryResultToAnAwkwardPath(@TempDir Path dir) throws Exception {
        Path file = awkwardFolder(dir).resolve("q.txt");
        List<String> lines = new ArrayList<>(List.of("sysuse auto", "quietly summarize price",
                "quietly regress price mpg", "display \"`: r(scalars)'|`: e(functions)'\""));
        lines.addAll(resultsProgram(file));
        String out = new InProcess().cwd(dir).output(lines.toArray(String[]::new));

        assertThat(out).contains(". display \"`: r(scalars)'|`: e(functions)'\"\nsum max min sd Var mean sum_w N|sample\n")
                .doesNotContain("\nr(").endsWith(". file close _smcpfh\n\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(RESULTS);
    }

    @Test
    void resultsProgramRunFromADoFileGivesTheSameFile(@TempDir Path dir) throws Exception {
        Path folder = awkwardFolder(dir);
        Path file = folder.resolve("q.txt");
        Files.write(folder.resolve("results.do"), resultsProgram(file), StandardCharsets.UTF_8);
        Files.writeString(file, "left over from an earlier run\n");
        String out = new InProcess().cwd(dir).output("sysuse auto", "quietly summarize price",
                "quietly regress price mpg", "run \"" + folder.resolve("results.do") + "\"", "display r(N)");
        assertThat(out).endsWith("\n. display r(N)\n74\n\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(RESULTS);
    }

    @Test
    void textDirectivesAreWrittenByteForByte(@TempDir Path dir) throws Exception {
        String out = new InProcess().cwd(dir).output("file open fh using w.txt, write",
                "file write fh \"a\" _skip(3) \"b\" _col(10) \"c\" _tab(2) \"d\" _n(2) _char(65) _dup(3) \"x\" _n",
                "file write fh %9.2f (_pi) \"|\" (1/3) \"|\" (.) \"|\" %5.0g (.) \"|\" (\"str\" + \"ing\") \"|\" "
                        + "%-6s (\"ab\") \"|\" %21.0g (74) \"|\" _n",
                "file write fh `\"say \"hi\"\"' \" 中文 O'Brien\" _newline",
                "file write fh (2) (3) _tab (4) _page",
                "file close fh");
        assertThat(out).doesNotContain("\nr(");
        assertThat(Files.readString(dir.resolve("w.txt"), StandardCharsets.UTF_8)).isEqualTo(
                "a   b    c\t\td\n\nAxxx\n"
                + "     3.14|.33333333|.|    .|string|ab    |                   74|\n"
                + "say \"hi\" 中文 O'Brien\n"
                + "23\t4\f");
    }

    @Test
    void errorsAsStataGivesThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.txt"), "kept\n");
        String out = new InProcess().cwd(dir).output("file open fh using new.txt, write",
                "file open fh using other.txt, write",
                "file close fh",
                "file write fh \"x\"",
                "capture file close fh",
                "display _rc",
                "file open fh using old.txt, write",
                "file open fh using no/such/folder/q.txt, write replace",
                "file open fh using missing.txt, read",
                "file open fh using old.txt",
                "file open fh using old.txt, read append",
                "file open 1fh using old.txt, read",
                "file close _all");
        assertThat(out).isEqualTo("""
                . file open fh using new.txt, write

                . file open fh using other.txt, write
                file handle fh already exists
                r(110);

                . file close fh

                . file write fh "x"
                file handle fh not found
                r(111);

                . capture file close fh

                . display _rc
                111

                . file open fh using old.txt, write
                file old.txt already exists
                r(602);

                . file open fh using no/such/folder/q.txt, write replace
                file no/such/folder/q.txt could not be opened
                r(603);

                . file open fh using missing.txt, read
                file missing.txt not found
                r(601);

                . file open fh using old.txt
                read or write required
                r(198);

                . file open fh using old.txt, read append
                option append allowed only with write
                r(198);

                . file open 1fh using old.txt, read
                1fh invalid name
                r(198);

                . file close _all

                """);
        assertThat(dir.resolve("other.txt")).doesNotExist();
        assertThat(Files.readString(dir.resolve("old.txt"))).isEqualTo("kept\n");
    }

    @Test
    void readingLinesSetsEofAndStatus(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("r.txt"), "unix\nwin\r\nmac\r中文 O'Brien\nlast".getBytes(StandardCharsets.UTF_8));
        String out = new InProcess().cwd(dir).output("file open src using r.txt, read",
                "file read src line",
                "while r(eof) == 0 {",
                "display `\"[`line'] `r(eof)' `r(status)'\"'",
                "file read src line",
                "}",
                "display `\"[`line'] `r(eof)' `r(status)'\"'",
                "file seek src query",
                "display r(loc)",
                "file seek src tof",
                "file read src line",
                "display \"`line'\"",
                "file write src \"x\"",
                "file close src");
        assertThat(out).isEqualTo("""
                . file open src using r.txt, read

                . file read src line

                . while r(eof) == 0 {
                  2. display `"[`line'] `r(eof)' `r(status)'"'
                  3. file read src line
                  4. }
                [unix] 0 unix
                [win] 0 win
                [mac] 0 mac
                [中文 O'Brien] 0 unix
                [last] 0 none

                . display `"[`line'] `r(eof)' `r(status)'"'
                [] 1 eof

                . file seek src query

                . display r(loc)
                33

                . file seek src tof

                . file read src line

                . display "`line'"
                unix

                . file write src "x"
                file handle src was opened read-only
                r(198);

                . file close src

                """);
    }

    @Test
    void appendQueryAndClearAllClosingEveryFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "one\n");
        String out = new InProcess().cwd(dir).output("file open a using a.txt, write append",
                "file write a \"two\" _n",
                "file open b using b.bin, write binary replace",
                "file query",
                "clear all",
                "file query",
                "file write a \"three\"");
        assertThat(out).isEqualTo("""
                . file open a using a.txt, write append

                . file write a "two" _n

                . file open b using b.bin, write binary replace

                . file query
                  handle a            write text         %s
                  handle b            write binary       %s

                . clear all

                . file query
                  no files open

                . file write a "three"
                file handle a not found
                r(111);

                """.formatted(dir.resolve("a.txt"), dir.resolve("b.bin")));
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void binarySpecsRoundTrip(@TempDir Path dir) throws Exception {
        String out = new InProcess().cwd(dir).output("file open b using b.bin, write binary replace",
                "file write b %8z (1/3) %4z (2.5) %4b (-7) %2bu (65535) %1b (.) %5s \"abc\" %3s (\"toolong\")",
                "file close b",
                "file open b using b.bin, read binary",
                "file read b %8z d %4z f %4b i %2bu u %1b m %5s s %3s t",
                "display d \" \" f \" \" i \" \" u \" \" m \" [`s'] [`t'] \" r(eof)",
                "file read b %1b more",
                "display r(eof)",
                "file close b");
        assertThat(out).isEqualTo("""
                . file open b using b.bin, write binary replace

                . file write b %8z (1/3) %4z (2.5) %4b (-7) %2bu (65535) %1b (.) %5s "abc" %3s ("toolong")

                . file close b

                . file open b using b.bin, read binary

                . file read b %8z d %4z f %4b i %2bu u %1b m %5s s %3s t

                . display d " " f " " i " " u " " m " [`s'] [`t'] " r(eof)
                .33333333 2.5 -7 65535 . [abc] [too] 0

                . file read b %1b more

                . display r(eof)
                1

                . file close b

                """);
        byte[] bytes = Files.readAllBytes(dir.resolve("b.bin"));
        assertThat(bytes).hasSize(8 + 4 + 4 + 2 + 1 + 5 + 3);
        assertThat(bytes[18]).isEqualTo((byte) 101); // the byte storage type's missing value
    }
}

package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each error the emulator emits: exact message lines and return code, as the console shows them. */
class ErrorMessagesTest {

    private static String failure(String setup, String command) {
        String[] lines = setup.isEmpty() ? new String[]{command} : (setup + ";" + command).split(";");
        String out = new InProcess().output(lines);
        int at = out.lastIndexOf(". " + command + "\n");
        return out.substring(at + command.length() + 3);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "|foo|command foo is unrecognized|199",
        "sysuse auto|summarize nosuch|variable nosuch not found|111",
        "sysuse auto|generate y = bad_var + 1|bad_var not found|111",
        "|list x|no variables defined|111",
        "sysuse auto|generate price = 1|variable price already defined|110",
        "sysuse auto|generate y = make + 1|type mismatch|109",
        "sysuse auto|replace make = 1|type mismatch|109",
        "sysuse auto|summarize price, bogus|option bogus not allowed|198",
        "|display (1|too many '(' or '['|132",
        "|display 1 +|invalid syntax|198",
        "|assert 1 == 2|assertion is false|9",
        "set obs 2|assert _n == 1|1 contradiction in 2 observations\\nassertion is false|9",
        "|regress y x|no variables defined|111",
        "set obs 0;generate y = 1;generate x = 1|regress y x|no observations|2000",
        "|display nosuch(1)|unknown function nosuch()|133",
        "|log close|no log file open|606",
        "|set linesize 20|linesize must be between 40 and 255|198",
        "|error 198|invalid syntax|198",
        "|use nosuchfile|file nosuchfile.dta not found|601",
        "sysuse auto;replace price = 1 in 1|use nosuchfile|no; dataset in memory has changed since last saved|4",
        "sysuse auto;replace price = 1 in 1|sysuse auto|no; dataset in memory has changed since last saved|4",
        "|matrix list e(b)|matrix e(b) not found|111",
        "|display _b[x]|last estimates not found|301",
        "|cd /nonexistent/dir|unable to change to /nonexistent/dir|170",
        "|do nosuch.do|file nosuch.do not found|601",
    })
    void messageAndCode(String setup, String command, String message, int rc) {
        String expectedMessage = message.replace("\\n", "\n");
        assertThat(failure(setup == null ? "" : setup, command))
                .isEqualTo(expectedMessage + "\nr(" + rc + ");\n\n");
    }

    @Test
    void foreignFileIsNotStataFormatAndExistingFileNeedsReplace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notdata.dta"), "<stata_dta>something else");
        String out = new InProcess().cwd(dir).output("use notdata", "sysuse auto", "save mine", "save mine",
                "log using x.log, text", "log using y.log, text", "log close", "log using x.log, text");
        assertThat(out).contains(". use notdata\nfile notdata.dta not Stata format\nr(610);\n")
                .contains(". save mine\nfile mine.dta saved\n")
                .contains(". save mine\nfile mine.dta already exists\nr(602);\n")
                .contains(". log using y.log, text\nlog file already open\nr(604);\n")
                .contains(". log using x.log, text\nfile " + dir.resolve("x.log") + " already exists\nr(602);\n");
    }

    @Test
    void nestedDoFileFramingRepeatsReturnCodePerLevel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("outer.do"), "do inner\n");
        Files.writeString(dir.resolve("inner.do"), "display \"in\"\nerror 459\n");
        String out = new InProcess().cwd(dir).output("do outer");
        assertThat(out).isEqualTo("""
                . do outer

                . do inner

                . display "in"
                in

                . error 459
                something that should be true of your data is not
                r(459);

                end of do-file
                r(459);

                end of do-file
                r(459);

                """);
    }
}

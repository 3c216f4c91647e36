package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log using/close: text and SMCL forms, headers, several logs at once, quietly, and the errors. */
class LogFilesTest {
    private static final String DATE = "[ \\d]\\d [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d:\\d\\d";

    @Test
    void textLogHasHeaderCommandsAndFooter(@TempDir Path dir) throws Exception {
        String screen = new InProcess().cwd(dir).output("log using t.log, text", "display 42", "log close");
        String log = Files.readString(dir.resolve("t.log"));
        String rule = "-".repeat(79);
        assertThat(log).matches("(?s)" + rule + "\n      name:  <unnamed>\n       log:  " + dir.resolve("t.log")
                + "\n  log type:  text\n opened on:  " + DATE + "\n\n\\. display 42\n42\n\n\\. log close\n"
                + "      name:  <unnamed>\n       log:  " + dir.resolve("t.log") + "\n  log type:  text\n"
                + " closed on:  " + DATE + "\n" + rule + "\n");
        assertThat(screen).contains(". log using t.log, text\n" + rule + "\n      name:  <unnamed>\n");
    }

    @Test
    void smclLogMarksEchoesResultsAndErrors(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("log using s", "display \"x{y}\"", "nosuchcommand", "log close");
        String log = Files.readString(dir.resolve("s.smcl"));
        assertThat(log).startsWith("{smcl}\n{txt}{sf}{ul off}{.-}\n      name:  {res}<unnamed>\n")
                .contains("  {txt}log type:  {res}smcl\n")
                .contains("{com}. display \"x{c -(}y{c )-}\"\n{res}x{c -(}y{c )-}\n")
                .contains("{err}command nosuchcommand is unrecognized\n{txt}{search r(199), local:r(199);}\n")
                .endsWith("{txt}{.-}\n{smcl}\n{txt}{sf}{ul off}");
    }

    @Test
    void quietlyOpenedNamedLogHasNoHeaderAndRunsBesideAnUnnamedOne(@TempDir Path dir) throws Exception {
        String screen = new InProcess().cwd(dir).output("log using user.log, text",
                "quietly log using run.log, text name(run)", "display \"both\"", "quietly log close run",
                "display \"user only\"", "log close _all");
        String run = Files.readString(dir.resolve("run.log"));
        String user = Files.readString(dir.resolve("user.log"));
        assertThat(run).isEqualTo("\n. display \"both\"\nboth\n\n. quietly log close run\n");
        assertThat(user).contains("both\n").contains("user only\n").contains(" closed on:  ");
        assertThat(screen).doesNotContain("name:  run");
    }

    @Test
    void logErrors(@TempDir Path dir) {
        String out = new InProcess().cwd(dir).output("log close", "log using a.log, text",
                "log using b.log, text", "log close nosuch", "log close", "log using a.log, text",
                "log using a.log, text append name(second)", "log close second");
        assertThat(out).contains(". log close\nno log file open\nr(606);\n")
                .contains(". log using b.log, text\nlog file already open\nr(604);\n")
                .contains(". log close nosuch\nno log file open\nr(606);\n")
                .contains(". log using a.log, text\nfile " + dir.resolve("a.log") + " already exists\nr(602);\n")
                .contains("      name:  second\n");
    }
}

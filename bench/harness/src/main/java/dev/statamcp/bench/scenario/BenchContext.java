package dev.statamcp.bench.scenario;

import dev.statamcp.bench.subject.Subjects;
import java.io.PrintStream;
import java.nio.file.Path;

/** What a scenario needs: how much to measure, the servers, where server logs go, and where progress is printed. */
public record BenchContext(Settings settings, Subjects subjects, Path logDir, PrintStream progress) {

    public void say(String format, Object... args) {
        progress.printf(format + "%n", args);
        progress.flush();
    }
}

package dev.statamcp.bench.scenario;

import dev.statamcp.bench.subject.Subjects;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a scenario needs: how much to measure, the servers, the repository root, where server logs go, and where
 * progress is printed.
 */
public record BenchContext(Settings settings, Subjects subjects, Path root, Path logDir, PrintStream progress) {

    public void say(String format, Object... args) {
        progress.printf(format + "%n", args);
        progress.flush();
    }

    /** A new empty folder for one figure's servers and files: {@code bench/target/runs/<name>-<time>}. */
    public Path freshDir(String name) {
        Path dir = root.resolve("bench/target/runs").resolve(name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss-SSS")));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

package dev.statamcp.stata.run;

import java.util.Objects;
import dev.statamcp.stata.paths.StataQuoting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Code to run in a console session.
 *
 * @param code Stata code, run as written (never rewritten); it may span many lines
 * @param internal true for the server's own queries (reading results, exporting a graph): their lines are not
 *        part of the user's history, graphs are not tracked, and the user's {@code _rc} is restored afterwards
 * @param holdResults for internal queries: keep the user's {@code r()} out of reach during the query and restore it
 *        afterwards ({@code _return hold/restore}); leave false for queries that must read {@code r()}
 * @param listener receives lines and progress from the start (optional)
 * @param logFile where Stata writes this run's log (the caller keeps it); default: the session's temp folder, where
 *        old run logs are pruned
 * @param graphExport export the graphs the run draws, in the same turn of the session (optional)
 * @param trackedSource the text whose commands progress and error lines refer to: the code itself by default, the
 *        do-file's contents for {@link #ofDoFile}
 */
public record RunRequest(String code, boolean internal, boolean holdResults, Optional<RunListener> listener,
                         Optional<Path> logFile, Optional<GraphExport> graphExport, String trackedSource) {

    public RunRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(graphExport, "graphExport");
        Objects.requireNonNull(trackedSource, "trackedSource");
        if (holdResults && !internal) {
            throw new IllegalArgumentException("holdResults is for internal queries only");
        }
    }

    /** User code. */
    public static RunRequest of(String code) {
        return new RunRequest(code, false, false, Optional.empty(), Optional.empty(), Optional.empty(), code);
    }

    /**
     * A do-file run in the session as {@code do "file" args} (after {@code cd "cwd"} when a working directory is
     * given, which stays the session's directory afterwards, as typed at the prompt). Progress counts the
     * do-file's own top-level commands and an error's line is the line in the do-file.
     *
     * @throws UncheckedIOException when the do-file cannot be read
     */
    public static RunRequest ofDoFile(Path doFile, List<String> args, Optional<Path> cwd) {
        StringBuilder code = new StringBuilder();
        cwd.ifPresent(dir -> code.append("cd ").append(StataQuoting.quote(dir.toAbsolutePath())).append('\n'));
        code.append("do ").append(StataQuoting.quote(doFile.toAbsolutePath()));
        for (String a : args) {
            code.append(' ').append(StataQuoting.quote(a));
        }
        code.append('\n');
        String source;
        try {
            source = Files.readString(doFile, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            source = readLatin1(doFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the do-file " + doFile + ": " + e.getMessage(), e);
        }
        return new RunRequest(code.toString(), false, false, Optional.empty(), Optional.empty(), Optional.empty(),
                source);
    }

    /** An internal query that may read (but should not change) the user's results. */
    public static RunRequest query(String code) {
        return new RunRequest(code, true, false, Optional.empty(), Optional.empty(), Optional.empty(), code);
    }

    /** An internal query whose own commands would overwrite {@code r()}: the user's {@code r()} is held around it. */
    public static RunRequest queryHoldingResults(String code) {
        return new RunRequest(code, true, true, Optional.empty(), Optional.empty(), Optional.empty(), code);
    }

    public RunRequest withListener(RunListener l) {
        return new RunRequest(code, internal, holdResults, Optional.of(l), logFile, graphExport, trackedSource);
    }

    public RunRequest withLogFile(Path file) {
        return new RunRequest(code, internal, holdResults, listener, Optional.of(file), graphExport, trackedSource);
    }

    public RunRequest withGraphExport(GraphExport export) {
        return new RunRequest(code, internal, holdResults, listener, logFile, Optional.of(export), trackedSource);
    }

    private static String readLatin1(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the do-file " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.statamcp.stata.batch;

import dev.statamcp.stata.run.RunListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A do-file to run in batch mode.
 *
 * @param doFile the do-file
 * @param args arguments after the file name ({@code `1'}, {@code `2'}... inside it)
 * @param workingDirectory Stata's working directory; the log {@code <stem>.log} is written here
 * @param runDir where the engine keeps this run's stdout, stderr and record (created if missing)
 * @param environment extra environment variables for Stata
 * @param listener receives lines and progress from the start (optional)
 */
public record BatchRequest(Path doFile, List<String> args, Path workingDirectory, Path runDir,
                           Map<String, String> environment, Optional<RunListener> listener) {

    public BatchRequest {
        Objects.requireNonNull(doFile, "doFile");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(runDir, "runDir");
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(listener, "listener");
    }

    public static BatchRequest of(Path doFile, Path workingDirectory, Path runDir) {
        return new BatchRequest(doFile, List.of(), workingDirectory, runDir, Map.of(), Optional.empty());
    }

    public BatchRequest withArgs(List<String> a) {
        return new BatchRequest(doFile, a, workingDirectory, runDir, environment, listener);
    }

    public BatchRequest withEnvironment(Map<String, String> env) {
        return new BatchRequest(doFile, args, workingDirectory, runDir, env, listener);
    }

    public BatchRequest withListener(RunListener l) {
        return new BatchRequest(doFile, args, workingDirectory, runDir, environment, Optional.of(l));
    }
}

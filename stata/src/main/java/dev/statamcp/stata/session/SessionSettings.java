package dev.statamcp.stata.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a console session runs Stata.
 *
 * @param workingDirectory Stata's working directory at start ({@code c(pwd)}); the code may {@code cd} elsewhere
 * @param tempRoot where the session keeps its private folder (run do-files, run logs, {@code STATATMP})
 * @param lineSize {@code set linesize} at start: wide enough that echoes and tables rarely wrap
 * @param environment extra environment variables for Stata
 * @param trackGraphs find the graphs each run creates ({@code graph dir} and {@code _gr_list} before and after)
 * @param maxQueue most runs that may wait behind the running one
 * @param startTimeout longest wait for Stata to start and answer
 * @param killGrace time between SIGTERM and SIGKILL when killing
 * @param breakResend after a Break is acknowledged ({@code --Break--}), how long to wait for the completion marker
 *        before sending it again (Stata may discard input typed ahead when it breaks)
 * @param keepRunFiles run do-files and logs kept on disk (older ones are deleted)
 * @param keepHeadLines lines kept in memory from the start of each run's output
 * @param keepTailLines lines kept in memory from the end of each run's output
 */
public record SessionSettings(Path workingDirectory, Path tempRoot, int lineSize, Map<String, String> environment,
                              boolean trackGraphs, int maxQueue, Duration startTimeout, Duration killGrace,
                              Duration breakResend, int keepRunFiles, int keepHeadLines, int keepTailLines) {

    public SessionSettings {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(tempRoot, "tempRoot");
        environment = Map.copyOf(environment);
        if (lineSize < 40 || lineSize > 255) {
            throw new IllegalArgumentException("lineSize must be 40 to 255 (Stata's limits), not " + lineSize);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("maxQueue must not be negative");
        }
    }

    /** Defaults: working directory as given, temp folder under the system temp dir. */
    public static SessionSettings defaults(Path workingDirectory) {
        return new SessionSettings(workingDirectory,
                Path.of(System.getProperty("java.io.tmpdir"), "stata-mcp-" + System.getProperty("user.name", "user")),
                120, Map.of(), true, 256, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMillis(300), 20,
                20_000, 20_000);
    }

    public SessionSettings withWorkingDirectory(Path dir) {
        return new SessionSettings(dir, tempRoot, lineSize, environment, trackGraphs, maxQueue, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withTempRoot(Path dir) {
        return new SessionSettings(workingDirectory, dir, lineSize, environment, trackGraphs, maxQueue, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withEnvironment(Map<String, String> env) {
        return new SessionSettings(workingDirectory, tempRoot, lineSize, env, trackGraphs, maxQueue, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withMaxQueue(int max) {
        return new SessionSettings(workingDirectory, tempRoot, lineSize, environment, trackGraphs, max, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withTrackGraphs(boolean track) {
        return new SessionSettings(workingDirectory, tempRoot, lineSize, environment, track, maxQueue, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withKillGrace(Duration grace) {
        return new SessionSettings(workingDirectory, tempRoot, lineSize, environment, trackGraphs, maxQueue,
                startTimeout, grace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withStartTimeout(Duration timeout) {
        return new SessionSettings(workingDirectory, tempRoot, lineSize, environment, trackGraphs, maxQueue, timeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }

    public SessionSettings withLineSize(int size) {
        return new SessionSettings(workingDirectory, tempRoot, size, environment, trackGraphs, maxQueue, startTimeout,
                killGrace, breakResend, keepRunFiles, keepHeadLines, keepTailLines);
    }
}

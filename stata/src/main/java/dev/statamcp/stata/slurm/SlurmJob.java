package dev.statamcp.stata.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.IntStream;

/**
 * A submitted job: everything needed to follow, cancel or re-adopt it, also from a fresh client after a restart.
 * It is also written as {@code job.json} in its run folder, so the run folder alone is enough to find it again.
 *
 * <p>Files of task {@code i} (task 0 is the only task of a single job):
 * <pre>
 * runDir/job.sbatch            the batch script (what was submitted)
 * runDir/job.json              this record
 * taskDir(i)/slurm.out, .err   Slurm's stdout/stderr of the batch script (stepd errors such as time limits)
 * taskDir(i)/started           "node epochSeconds", written when the task starts on its node
 * taskDir(i)/exit              the Stata binary's exit code, written when it returns
 * logPath(i)                   Stata's batch log
 * </pre>
 * A single job's taskDir is runDir and its log is {@code workingDir/<stem>.log}, where Stata puts it. A sweep's
 * task {@code i} runs in {@code runDir/task-i} so that the tasks' logs do not overwrite each other; a small
 * wrapper do-file there changes to the working directory and runs the do-file with that task's arguments.
 */
public record SlurmJob(String jobId, String slurmJobId, Path runDir, Path doFile, Path workingDir, int taskCount,
                       boolean sweep, long submittedAtMillis) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String HANDLE_FILE = "job.json";

    /** Slurm's id of task {@code i}: {@code 123_4} in an array, {@code 123} for a single job. */
    public String slurmTaskId(int task) {
        return sweep ? slurmJobId + "_" + task : slurmJobId;
    }

    public IntStream tasks() {
        return IntStream.range(0, taskCount);
    }

    public Path script() {
        return runDir.resolve("job.sbatch");
    }

    public Path taskDir(int task) {
        return sweep ? runDir.resolve("task-" + task) : runDir;
    }

    /** Stata's batch log of task {@code i}, where the executor tails progress from and reads the result. */
    public Path logPath(int task) {
        String log = StataCommandLine.logName(doFile);
        return sweep ? taskDir(task).resolve(log) : workingDir.resolve(log);
    }

    public Path outFile(int task) {
        return taskDir(task).resolve("slurm.out");
    }

    public Path errFile(int task) {
        return taskDir(task).resolve("slurm.err");
    }

    public Path startedMarker(int task) {
        return taskDir(task).resolve("started");
    }

    public Path exitMarker(int task) {
        return taskDir(task).resolve("exit");
    }

    /** The per-task wrapper do-file of a sweep; its name gives the task's log the do-file's own stem. */
    Path wrapperDoFile(int task) {
        String log = StataCommandLine.logName(doFile);
        return taskDir(task).resolve(log.substring(0, log.length() - ".log".length()) + ".do");
    }

    /** Writes this record to {@code runDir/job.json} (atomically: a half-written handle would be worse). */
    void save() throws IOException {
        Path tmp = runDir.resolve(HANDLE_FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(HANDLE_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the record a submission left in {@code runDir}. */
    static SlurmJob load(Path runDir) throws IOException {
        return JSON.readValue(runDir.resolve(HANDLE_FILE).toFile(), SlurmJob.class);
    }
}

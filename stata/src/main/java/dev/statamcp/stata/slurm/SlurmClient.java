package dev.statamcp.stata.slurm;

import dev.statamcp.stata.slurm.CommandRunner.CommandTimeoutException;
import dev.statamcp.stata.slurm.SlurmException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs do-files on a Slurm cluster: submits them as batch jobs or job arrays, reports where they stand, cancels
 * them. The client keeps no memory of its jobs: everything it needs is in the {@link SlurmJob} record (also stored
 * as {@code job.json} in the job's run folder), so a fresh client after a server restart follows, resolves and
 * cancels a job exactly as the one that submitted it.
 *
 * <p>Where a job's state comes from, in order: the controller ({@code scontrol show job}), which knows jobs until
 * a while after they end (MinJobAge, 300 s by default); then accounting ({@code sacct}) where the cluster has it;
 * then the files the job left in its run folder (exit record, Stata's log, Slurm's stderr).
 */
public final class SlurmClient {

    private final SlurmSettings settings;
    private final SlurmCommands commands;
    private final TaskResolver resolver;
    private final Clock clock;

    public SlurmClient(SlurmSettings settings) {
        this(settings, new ProcessCommandRunner(), Clock.systemUTC());
    }

    SlurmClient(SlurmSettings settings, CommandRunner runner, Clock clock) {
        this.settings = settings;
        this.commands = new SlurmCommands(settings, runner);
        this.resolver = new TaskResolver(settings.visibilityGrace(), clock);
        this.clock = clock;
    }

    public SlurmSettings settings() {
        return settings;
    }

    /**
     * Writes the job's run folder (batch script, sweep wrappers, {@code job.json}) and submits it with
     * {@code sbatch --parsable}.
     *
     * @return the submitted job, with Slurm's job id
     */
    public SlurmJob submit(SlurmJobRequest request) throws SlurmException {
        SlurmResources resources = request.resources().over(settings.defaults());
        Path runDir = settings.runRoot().resolve(request.jobId());
        StataCommandLine.checkSbatchPath(runDir);
        SlurmJob job = new SlurmJob(request.jobId(), null, runDir, request.doFile(), request.workingDir(),
                request.taskCount(), request.sweep(), clock.millis());
        try {
            if (Files.exists(runDir.resolve(SlurmJob.HANDLE_FILE))) {
                throw new SlurmException(Kind.LOCAL_FILES, "job " + request.jobId() + " was already submitted"
                        + " (its run folder " + runDir + " exists); use a new job id");
            }
            Files.createDirectories(runDir);
            for (int task = 0; request.sweep() && task < request.taskCount(); task++) {
                Files.createDirectories(job.taskDir(task));
                Files.writeString(job.wrapperDoFile(task),
                        BatchScript.wrapperDoFile(job, task, request.argLists().get(task)), StandardCharsets.UTF_8);
            }
            Files.writeString(job.script(), BatchScript.render(job, request, resources, settings.stataCommand()),
                    StandardCharsets.UTF_8);
            // Saved before sbatch: if this process dies before sbatch answers, adopt() can still find the job
            // by its name.
            job.save();
        } catch (IOException e) {
            throw new SlurmException(Kind.LOCAL_FILES, "cannot write the run folder " + runDir + " ("
                    + e.getMessage() + "); set " + SlurmSettings.RUN_DIR + " to a writable folder on a filesystem"
                    + " shared with the compute nodes", e);
        }
        String slurmJobId;
        try {
            slurmJobId = commands.sbatch(job.script());
        } catch (CommandTimeoutException e) {
            // The controller may have queued the job without answering in time: look for it before giving up.
            slurmJobId = lookUpByName(job).orElseThrow(() -> new SlurmException(Kind.TIMEOUT, e.getMessage()
                    + " and no job named " + BatchScript.jobName(request.jobId()) + " is queued: the controller"
                    + " is overloaded or unreachable; try again later"));
        }
        SlurmJob submitted = withSlurmJobId(job, slurmJobId);
        saveQuietly(submitted);
        return submitted;
    }

    /** The job submitted under stata-mcp job id {@code jobId}, from its run folder (e.g. after a restart). */
    public SlurmJob adopt(String jobId) throws SlurmException {
        Path runDir = settings.runRoot().resolve(jobId);
        SlurmJob job;
        try {
            job = SlurmJob.load(runDir);
        } catch (IOException e) {
            throw new SlurmException(Kind.UNKNOWN_JOB, "no Slurm job " + jobId + " in " + settings.runRoot()
                    + " (" + e.getMessage() + "): it was never submitted, or " + SlurmSettings.RUN_DIR
                    + " points elsewhere than when it was", e);
        }
        if (job.slurmJobId() == null) {
            // Submission was interrupted between sbatch and recording its answer.
            Optional<String> id = lookUpByName(job);
            if (id.isEmpty()) {
                throw new SlurmException(Kind.UNKNOWN_JOB, "job " + jobId + " was prepared in " + runDir
                        + " but Slurm has no job named " + BatchScript.jobName(jobId) + ": it was never submitted");
            }
            job = withSlurmJobId(job, id.get());
            saveQuietly(job);
        }
        return job;
    }

    /** Like {@link #adopt(String)}, and checks that the run folder belongs to the stored Slurm job id. */
    public SlurmJob adopt(String jobId, String slurmJobId) throws SlurmException {
        SlurmJob job = adopt(jobId);
        if (!job.slurmJobId().equals(slurmJobId)) {
            throw new SlurmException(Kind.UNKNOWN_JOB, "the run folder of job " + jobId + " belongs to Slurm job "
                    + job.slurmJobId() + ", not " + slurmJobId);
        }
        return job;
    }

    /** Where every task of {@code job} stands now. */
    public SlurmJobStatus status(SlurmJob job) throws SlurmException {
        if (job.slurmJobId() == null) {
            throw new IllegalArgumentException("job " + job.jobId() + " has no Slurm job id yet; adopt() it first");
        }
        Map<Integer, TaskStatus> byTask = new HashMap<>();
        Optional<String> shown = commands.showJob(job.slurmJobId());
        if (shown.isPresent()) {
            for (SlurmTaskRecord r : ScontrolParser.records(shown.get(), job.sweep())) {
                if (r.task() < job.taskCount()) {
                    byTask.put(r.task(), new TaskStatus(r.task(), resolver.fromSlurm(job, r.task(), r),
                            TaskStatus.Source.CONTROLLER));
                }
            }
        }
        if (byTask.size() < job.taskCount()) {
            Optional<String> accounted = commands.sacct(job.slurmJobId());
            if (accounted.isPresent()) {
                for (SlurmTaskRecord r : SacctParser.records(accounted.get(), job.slurmJobId(), job.sweep())) {
                    if (r.task() < job.taskCount() && !byTask.containsKey(r.task())) {
                        byTask.put(r.task(), new TaskStatus(r.task(), resolver.fromSlurm(job, r.task(), r),
                                TaskStatus.Source.ACCOUNTING));
                    }
                }
            }
        }
        List<TaskStatus> tasks = new ArrayList<>();
        job.tasks().forEach(task -> tasks.add(byTask.containsKey(task) ? byTask.get(task)
                : new TaskStatus(task, resolver.fromFiles(job, task), TaskStatus.Source.FILES)));
        return new SlurmJobStatus(job, tasks);
    }

    /**
     * Polls {@link #status} every {@code interval}, handing each status to {@code onStatus}, until every task is
     * final; returns the final status. Interrupting the thread stops following (the job keeps running).
     */
    public SlurmJobStatus follow(SlurmJob job, Duration interval, Consumer<SlurmJobStatus> onStatus)
            throws SlurmException, InterruptedException {
        while (true) {
            SlurmJobStatus status = status(job);
            onStatus.accept(status);
            if (status.terminal()) {
                return status;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Cancels the whole job (every task of a sweep). Cancelling a job that has already ended is not an error. */
    public void cancel(SlurmJob job) throws SlurmException {
        commands.scancel(job.slurmJobId());
    }

    /** Cancels one task of a sweep. */
    public void cancelTask(SlurmJob job, int task) throws SlurmException {
        if (task < 0 || task >= job.taskCount()) {
            throw new IllegalArgumentException("job " + job.jobId() + " has no task " + task);
        }
        commands.scancel(job.slurmTaskId(task));
    }

    /** The ids squeue still lists as pending or running for this job (empty once it has ended). */
    public List<String> queued(SlurmJob job) throws SlurmException {
        return commands.queued(job.slurmJobId());
    }

    /** The last non-blank line of task {@code task}'s Stata log, for progress messages; empty if none yet. */
    public Optional<String> lastLogLine(SlurmJob job, int task) {
        List<String> lines = TaskResolver.tail(job.logPath(task)).lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1).strip());
    }

    private Optional<String> lookUpByName(SlurmJob job) throws SlurmException {
        List<String> ids = commands.findByName(BatchScript.jobName(job.jobId()));
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }

    private static SlurmJob withSlurmJobId(SlurmJob job, String slurmJobId) {
        return new SlurmJob(job.jobId(), slurmJobId, job.runDir(), job.doFile(), job.workingDir(), job.taskCount(),
                job.sweep(), job.submittedAtMillis());
    }

    private static void saveQuietly(SlurmJob job) throws SlurmException {
        try {
            job.save();
        } catch (IOException e) {
            throw new SlurmException(Kind.LOCAL_FILES, "Slurm accepted job " + job.slurmJobId() + " but its record"
                    + " could not be written to " + job.runDir() + " (" + e.getMessage() + "); it runs, but cannot"
                    + " be re-adopted after a restart. Cancel it with: scancel " + job.slurmJobId(), e);
        }
    }
}

package dev.statamcp.server.jobs;

import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.output.LogFiles;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.OwnedJob;
import dev.statamcp.server.store.ProcessOwner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a starting server does with jobs that an earlier server process left unfinished. Jobs whose owner still
 * runs are left alone (several servers share a store). Jobs that run on without a server (detached batch
 * processes, cluster jobs) are adopted; the rest are marked {@code interrupted} with their partial log.
 */
final class JobRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final JobStore store;
    private final JobFolders folders;
    private final Map<JobKind, JobExecutor> executors;
    private final ProcessOwner me;
    private final Clock clock;
    private final ResultRenderer renderer;
    private final Adopter adopter;

    JobRecovery(JobStore store, JobFolders folders, Map<JobKind, JobExecutor> executors, ProcessOwner me,
                Clock clock, ResultRenderer renderer, Adopter adopter) {
        this.store = store;
        this.folders = folders;
        this.executors = executors;
        this.me = me;
        this.clock = clock;
        this.renderer = renderer;
        this.adopter = adopter;
    }

    Report run() {
        List<JobId> adopted = new ArrayList<>();
        List<JobId> interrupted = new ArrayList<>();
        for (OwnedJob owned : store.unfinished()) {
            Job job = owned.job();
            if (owned.owner().equals(me) || owned.owner().isAlive()) {
                continue;
            }
            JobExecutor executor = executors.get(job.spec().kind());
            if (job.spec().kind().survivesServerRestart() && executor != null && job.executor() != null) {
                try {
                    store.changeOwner(job.id(), me);
                    adopter.adopt(job, folders.folder(job.id()), executor);
                    adopted.add(job.id());
                    LOG.info("re-adopted {} job {} left by pid {}", job.spec().kind().wireName(), job.id(),
                            owned.owner().pid());
                    continue;
                } catch (RuntimeException e) {
                    LOG.warn("could not re-adopt job {}: {}", job.id(), e.getMessage());
                }
            }
            String reason = "the stata-mcp process that ran it (pid " + owned.owner().pid()
                    + ") stopped before it ended; its partial log is kept";
            ExecutionOutcome partial = new ExecutionOutcome(Ending.CRASHED, null, reason, null, null,
                    LogFiles.readClassified(job.logPath()), List.of(), null, job.logPath());
            store.complete(job.id(), renderer.render(job, JobStatus.INTERRUPTED, partial, reason));
            interrupted.add(job.id());
            LOG.info("job {} marked interrupted: {}", job.id(), reason);
        }
        return new Report(adopted, interrupted);
    }

    /** Starts following an adopted job. */
    @FunctionalInterface
    interface Adopter {
        void adopt(Job job, Path folder, JobExecutor executor);
    }

    /** What recovery did. */
    public record Report(List<JobId> adopted, List<JobId> interrupted) {
    }
}

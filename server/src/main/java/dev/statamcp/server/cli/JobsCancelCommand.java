package dev.statamcp.server.cli;

import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.cli.jobs.JobText;
import dev.statamcp.server.cli.jobs.RemoteCancel;
import dev.statamcp.server.cli.jobs.ServerRegistry;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.store.ProcessOwner;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stata-mcp jobs cancel ID}. Only the process running a job can stop its Stata, so: a job whose process is
 * gone is taken over here (as any starting server would) and cancelled through the job manager; a job of a live
 * HTTP server is cancelled through that server's REST API; otherwise the owner is named, with what to do.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancels a queued or running job (Break first, then Stata is stopped) and waits for it to end.")
final class JobsCancelCommand implements Callable<Integer> {
    static final String REASON = "cancelled with stata-mcp jobs cancel";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        JobId jobId = JobsCommand.parse(id, spec);
        Optional<JobsCommand.Store> opened = JobsCommand.Store.openOrSay(spec);
        if (opened.isEmpty()) {
            return 1;
        }
        Optional<ProcessOwner> owner;
        Job job;
        JobsCommand.Store store = opened.get();
        try {
            job = store.require(id);
            if (job.isTerminal()) {
                out.println(JobText.outcome(job, Instant.now()) + " Nothing to cancel.");
                return 0;
            }
            owner = store.owner(jobId);
            if (owner.isPresent() && owner.get().isAlive()) {
                return cancelThroughOwner(store, job, owner.get(), out, err);
            }
        } finally {
            store.close();
        }
        return takeOverAndCancel(store, jobId, out, err);
    }

    private int cancelThroughOwner(JobsCommand.Store store, Job job, ProcessOwner owner, PrintStream out,
                                   PrintStream err) throws InterruptedException {
        Optional<ServerRegistry.Entry> server = new ServerRegistry(store.folders().dataDir()).find(owner);
        if (server.isEmpty()) {
            err.println("stata-mcp: job " + job.id() + " is run by another stata-mcp process, pid " + owner.pid()
                    + describe(owner) + ", which serves no HTTP API to ask. Cancel it where it was started: from"
                    + " the client connected to that server (tool stata_job_cancel), or with Ctrl-C in the terminal"
                    + " of a `stata-mcp run`.");
            return 1;
        }
        RemoteCancel.Answer answer = new RemoteCancel().cancel(server.get().baseUri(), job.id(),
                store.settings().string(Key.TOKEN));
        if (!answer.accepted()) {
            err.println("stata-mcp: job " + job.id() + " is run by the stata-mcp server pid " + owner.pid()
                    + ", and " + answer.explanation() + ".");
            return 1;
        }
        out.println("Cancel requested: " + answer.explanation() + "; waiting for job " + job.id() + " to end...");
        Duration wait = Duration.ofSeconds(store.settings().integer(Key.CANCEL_GRACE_SECONDS) + 30L);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Job> now = store.jobs().find(job.id());
            if (now.isPresent() && now.get().isTerminal()) {
                out.println(JobText.outcome(now.get(), Instant.now()));
                return 0;
            }
            Thread.sleep(250);
        }
        err.println("stata-mcp: job " + job.id() + " has not ended within " + wait.toSeconds()
                + " s of the cancel request; `stata-mcp jobs show " + job.id() + "` tells when it does.");
        return 1;
    }

    /**
     * The job's process is gone: opening the job system recovers it, like a server start would (a batch job that
     * still runs is adopted, anything else is marked interrupted), and an adopted job is then cancelled here.
     */
    private int takeOverAndCancel(JobsCommand.Store store, JobId id, PrintStream out, PrintStream err)
            throws Exception {
        StataApplication app = new StataApplication(store.settings());
        try {
            app.openNow(jobs -> { });
            Job now = app.jobs().find(id).orElseThrow();
            if (!now.isTerminal()) {
                out.println("Cancelling job " + id + " (its stata-mcp process had ended; this one took it over)...");
                now = app.jobs().cancel(id, REASON).get(store.settings().integer(Key.CANCEL_GRACE_SECONDS) + 30L,
                        TimeUnit.SECONDS);
            }
            out.println(JobText.outcome(now, Instant.now()));
            return 0;
        } finally {
            app.engine().close();
        }
    }

    private static String describe(ProcessOwner owner) {
        return ProcessHandle.of(owner.pid()).flatMap(p -> p.info().commandLine())
                .map(c -> " (" + (c.length() > 160 ? c.substring(0, 160) + "..." : c) + ")").orElse("");
    }
}

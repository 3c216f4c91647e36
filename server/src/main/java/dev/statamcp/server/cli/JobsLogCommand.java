package dev.statamcp.server.cli;

import dev.statamcp.server.cli.jobs.JobText;
import dev.statamcp.server.cli.jobs.LogFollower;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.store.ProcessOwner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stata-mcp jobs log ID [--follow]}: a job's Stata log, optionally followed until the job ends. */
@Command(name = "log", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints a job's Stata log; with --follow, keeps printing what is added until the job ends.")
final class JobsLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id.")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing the log as it grows, until the job ends.")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        JobsCommand.parse(id, spec);
        Optional<JobsCommand.Store> opened = JobsCommand.Store.openOrSay(spec);
        if (opened.isEmpty()) {
            return 1;
        }
        try (JobsCommand.Store store = opened.get()) {
            Job job = store.require(id);
            if (!follow) {
                if (job.logPath() == null || !Files.isRegularFile(job.logPath())) {
                    System.err.println("stata-mcp: job " + id + " has no log "
                            + (job.logPath() == null ? "yet (it is " + job.status().wireName() + ")"
                            : "any more: " + job.logPath() + " is gone"));
                    return 1;
                }
                Files.copy(job.logPath(), out);
                out.flush();
                return 0;
            }
            LogFollower follower = new LogFollower(() -> store.jobs().find(job.id()),
                    () -> store.owner(job.id()).map(ProcessOwner::isAlive).orElse(true), out,
                    Duration.ofMillis(300));
            Optional<Job> ended = follower.follow();
            out.flush();
            if (ended.isEmpty()) {
                System.err.println("stata-mcp: the stata-mcp process that ran job " + id + " (pid " + job.ownerPid()
                        + ") is gone; the job is marked interrupted when stata-mcp next starts on this data directory.");
                return 1;
            }
            System.err.println(JobText.outcome(ended.get(), Instant.now()));
            return 0;
        }
    }
}

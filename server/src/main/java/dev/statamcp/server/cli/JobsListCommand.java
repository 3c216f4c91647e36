package dev.statamcp.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statamcp.server.cli.jobs.JobText;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.resources.JobView;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stata-mcp jobs list}: recent jobs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists jobs, newest first: id, status, start, duration, return code, progress and what ran.")
final class JobsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Only jobs with these statuses (comma-separated): queued, running, succeeded, failed,"
                    + " cancelled, timed_out, interrupted.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--session", paramLabel = "NAME", description = "Only jobs of this session.")
    String session;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N jobs (default 20).")
    int limit;

    @Option(names = "--json", description = "Print the jobs as JSON (the same fields as the MCP tools and REST API).")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        List<JobStatus> wanted = new ArrayList<>();
        for (String s : statuses) {
            try {
                wanted.add(JobStatus.fromWire(s));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Optional<JobsCommand.Store> opened = JobsCommand.Store.open(spec);
        List<Job> jobs;
        if (opened.isEmpty()) {
            jobs = List.of();
        } else {
            try (JobsCommand.Store store = opened.get()) {
                jobs = store.jobs().list(new JobFilter(wanted, session, null, limit, false));
            }
        }
        Instant now = Instant.now();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            jobs.forEach(j -> array.add(JobView.of(j, now)));
            out.println(Json.write(Json.object().set("jobs", array)));
            return 0;
        }
        if (jobs.isEmpty()) {
            out.println(opened.isEmpty() ? "No jobs: " + JobsCommand.Store.none(spec) + "." : "No jobs match.");
            return 0;
        }
        String format = "%-17s %-11s %-19s %9s %5s %-13s %s%n";
        out.printf(Locale.ROOT, format, "ID", "STATUS", "STARTED", "TIME", "RC", "PROGRESS", "WHAT");
        for (Job j : jobs) {
            out.printf(Locale.ROOT, format, j.id(), j.status().wireName(),
                    JobText.local(j.startedAt() != null ? j.startedAt() : j.createdAt()),
                    j.status() == JobStatus.QUEUED ? "-" : JobText.seconds(JobText.duration(j, now)),
                    j.rc() == null ? "-" : j.rc().toString(), progress(j), j.spec().describe());
        }
        return 0;
    }

    private static String progress(Job j) {
        long done = j.progress().commandsDone();
        Long total = j.progress().commandsTotal();
        return total != null ? done + "/" + total : done == 0 ? "-" : String.valueOf(done);
    }
}

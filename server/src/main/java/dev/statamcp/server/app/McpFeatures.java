package dev.statamcp.server.app;

import dev.statamcp.mcp.completion.CompletionProvider;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.prompts.StataPrompts;
import dev.statamcp.server.resources.GraphListing;
import dev.statamcp.server.resources.JobResources;
import dev.statamcp.server.safety.RootsResolver;
import dev.statamcp.server.store.JobStore.JobFilter;
import dev.statamcp.server.tasks.StataTasks;
import dev.statamcp.server.tools.StataTools;
import dev.statamcp.server.tools.ToolContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What the server offers over MCP, and the notifications that follow the jobs. */
final class McpFeatures {
    /** A growing log is announced to subscribers at most this often. */
    private static final Duration LOG_UPDATE_GAP = Duration.ofSeconds(1);

    private McpFeatures() {
    }

    static void register(McpServer.Builder builder, ToolContext tools, Supplier<JobManager> jobs,
            CallsInFlight calls) {
        builder.instructions("""
                Runs Stata for you. stata_run runs code in a persistent session (data, macros, r() and e() stay \
                between calls); stata_run_file runs a do-file (mode=batch for a separate process that survives \
                restarts, mode=cluster for a Slurm job when the server runs with --executor slurm); \
                stata_run_sweep runs a do-file once per argument list (locally or as a Slurm job array). Long runs \
                send progress and can be cancelled; every run is a job whose result is stored, so a run cut off by \
                a timeout or a disconnect can be collected with stata_job_result. For runs longer than a few \
                minutes, pass background=true and poll with stata_job_wait. stata_data, stata_results, stata_graphs \
                and stata_help read the session without changing it.""");
        StataTools stata = new StataTools(tools);
        stata.tools().stream().map(calls::track).forEach(builder::tool);
        StataTasks.install(builder, jobs, tools.clock());
        JobResources.templates(jobs, tools.folders(), tools.clock()).forEach(builder::resourceTemplate);
        stata.resourceTemplates().forEach(builder::resourceTemplate);
        StataPrompts.all(jobs).forEach(builder::prompt);
        builder.completion(jobIds(jobs));
        builder.enableResources();
        builder.notificationHandler("notifications/roots/list_changed", (params, session) ->
                RootsResolver.forget(session));
    }

    /** Suggests recent job ids for a {@code job_id}/{@code id}/{@code job} argument. */
    static CompletionProvider jobIds(Supplier<JobManager> jobs) {
        return (refType, refName, argument, partial, context) -> {
            if (!List.of("job_id", "id", "job").contains(argument)) {
                return null;
            }
            List<String> ids = jobs.get().list(JobFilter.newest(50)).stream().map(j -> j.id().value())
                    .filter(id -> id.startsWith(partial == null ? "" : partial)).toList();
            return CompletionProvider.Completion.of(ids);
        };
    }

    /**
     * Subscribers of a job's log hear when it grows (at most once a second) and when the job ends; graphs a job
     * exported appear in the resource list ({@code list_changed}).
     */
    static void followJobs(McpServer server, JobManager jobs) {
        // When each job's log may next be announced; keyed by job, so a line builds no URI unless it is announced.
        Map<JobId, Instant> nextAnnouncement = new ConcurrentHashMap<>();
        GraphListing graphs = new GraphListing(server.resources(), jobs.folders());
        jobs.watchAll(event -> {
            if (event instanceof JobEvent.Line) {
                Instant now = event.at();
                Instant due = nextAnnouncement.get(event.job());
                if (due == null || !now.isBefore(due)) {
                    nextAnnouncement.put(event.job(), now.plus(LOG_UPDATE_GAP));
                    server.notifyResourceUpdated(JobResources.logUri(event.job()));
                }
            } else if (event instanceof JobEvent.Finished f) {
                nextAnnouncement.remove(event.job());
                String uri = JobResources.logUri(event.job());
                server.notifyResourceUpdated(uri);
                server.notifyResourceUpdated("stata://jobs/" + event.job().value());
                graphs.add(f.finished());
            }
        });
    }
}

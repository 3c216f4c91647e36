package dev.statamcp.server.rest;

import dev.statamcp.server.app.JobRequests;
import dev.statamcp.server.app.StataEngine;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.safety.PathPolicy;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the API works on.
 *
 * @param jobs     the job manager (waits for the job store to open when the server has only just started)
 * @param requests the one gate for new jobs: path policy and shell-escape guard, as for the MCP tools
 * @param paths    the allowed folders for do-files and working directories (the workspace folders and the
 *                 server's working directory: there are no MCP roots over REST)
 * @param engine   Stata: installation and session pool
 * @param version  the server's version, for {@code /api/health}
 */
public record ApiContext(Supplier<JobManager> jobs, Supplier<JobRequests> requests, Supplier<PathPolicy> paths,
                         StataEngine engine, Clock clock, String version) {
}

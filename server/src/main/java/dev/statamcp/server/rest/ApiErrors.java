package dev.statamcp.server.rest;

import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.UnknownJobException;
import dev.statamcp.server.safety.PathRefusedException;
import dev.statamcp.server.safety.ShellEscapeRefusedException;
import dev.statamcp.stata.discovery.StataNotFoundException;
import dev.statamcp.stata.pool.PoolLimitException;
import dev.statamcp.stata.session.QueueFullException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The application's exceptions as API errors: the status and code a client can act on, the message as it is. */
final class ApiErrors {
    private ApiErrors() {
    }

    static ApiException map(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof PathRefusedException) {
            return new ApiException(403, "path_refused", message);
        }
        if (e instanceof ShellEscapeRefusedException) {
            return new ApiException(403, "shell_escape_refused", message);
        }
        if (e instanceof UnknownJobException) {
            return ApiException.notFound(message.replace("list jobs with stata_jobs", "list jobs with GET /api/jobs"));
        }
        if (e instanceof JobRejectedException) {
            return ApiException.conflict("job_rejected", message);
        }
        if (e instanceof PoolLimitException || e instanceof QueueFullException) {
            return ApiException.conflict("session_limit", message);
        }
        if (e instanceof StataNotFoundException) {
            return new ApiException(503, "stata_not_found", message);
        }
        if (e instanceof IllegalStateException && message.startsWith("the job store")) {
            return new ApiException(503, "job_store_unavailable", message);
        }
        if (e instanceof IllegalArgumentException) {
            return ApiException.badRequest(message);
        }
        return new ApiException(500, "internal", "the server could not answer: " + message
                + " (the server log has the details)");
    }
}

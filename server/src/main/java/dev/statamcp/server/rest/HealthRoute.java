package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/health}: answers at once whether the job store is open and whether Stata was found, without
 * starting Stata or waiting for the store. 200 when the store is open (or opening), 503 when it failed to open.
 */
final class HealthRoute implements Route.Handler {
    private final ApiContext context;

    HealthRoute(ApiContext context) {
        this.context = context;
    }

    @Override
    public void handle(Exchange ex) throws Exception {
        ObjectNode out = Json.object();
        out.put("version", context.version());
        out.put("time", context.clock().instant().toString());
        String store;
        String problem = null;
        JobManager jobs = null;
        try {
            // The store opens in the background at start; a health check must not hang on it.
            jobs = CompletableFuture.supplyAsync(context.jobs()).get(1, TimeUnit.SECONDS);
            store = "open";
        } catch (TimeoutException e) {
            store = "opening";
        } catch (ExecutionException e) {
            store = "failed";
            problem = ApiErrors.map(e).getMessage();
        }
        out.put("status", store.equals("failed") ? "unavailable" : "ok");
        out.put("job_store", store);
        if (problem != null) {
            out.put("message", problem);
        }
        if (jobs != null) {
            out.put("live_jobs", jobs.liveCount());
            out.put("draining", jobs.isDraining());
        }
        ObjectNode stata = out.putObject("stata");
        context.engine().knownInstallation().ifPresentOrElse(i -> stata.put("found", true)
                        .put("binary", i.binary().toString()).put("version", i.version())
                        .put("edition", i.edition().name()).put("emulator", i.emulator()),
                () -> stata.put("found", false).put("note", "Stata is looked for on the first run"));
        out.put("sessions_started", context.engine().startedPool().isPresent());
        ex.json(store.equals("failed") ? 503 : 200, out);
    }
}

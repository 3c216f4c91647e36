package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.session.SessionStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The persistent Stata sessions: list, status, restart, close. Looking never starts Stata: while no run has needed
 * it, there are no sessions, and {@code default} shows as stopped.
 */
final class SessionRoutes {
    private final ApiContext context;

    SessionRoutes(ApiContext context) {
        this.context = context;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/sessions", this::list),
                new Route("GET", "/api/sessions/{name}", this::get),
                new Route("POST", "/api/sessions/{name}/restart", this::restart),
                new Route("DELETE", "/api/sessions/{name}", this::close));
    }

    private void list(Exchange ex) {
        Optional<SessionPool> pool = context.engine().startedPool();
        ObjectNode out = Json.object();
        out.put("pool_started", pool.isPresent());
        pool.ifPresent(p -> out.put("max_sessions", p.settings().maxSessions()));
        ArrayNode sessions = out.putArray("sessions");
        pool.map(SessionPool::list).orElse(List.of()).forEach(s -> sessions.add(view(s)));
        context.engine().knownInstallation().ifPresentOrElse(i -> out.putObject("stata")
                .put("binary", i.binary().toString()).put("version", i.version())
                .put("edition", i.edition().name()).put("emulator", i.emulator()), () -> out.putNull("stata"));
        ex.json(200, out);
    }

    private void get(Exchange ex) {
        String name = name(ex);
        Optional<SessionStatus> status = context.engine().startedPool().flatMap(p -> p.status(name));
        if (status.isPresent()) {
            ex.json(200, view(status.get()));
        } else if (name.equals(SessionPool.DEFAULT)) {
            ex.json(200, Json.object().put("name", name).put("state", "stopped")
                    .put("note", "Stata starts on the first run"));
        } else {
            throw missing(name);
        }
    }

    private void restart(Exchange ex) {
        String name = name(ex);
        SessionPool pool = context.engine().startedPool().orElseThrow(() -> missing(name));
        if (!pool.restart(name)) {
            throw missing(name);
        }
        ex.json(200, pool.status(name).map(SessionRoutes::view).orElseGet(() -> Json.object().put("name", name)));
    }

    private void close(Exchange ex) {
        String name = name(ex);
        SessionPool pool = context.engine().startedPool().orElseThrow(() -> missing(name));
        if (!pool.close(name)) {
            throw missing(name);
        }
        ex.json(200, Json.object().put("name", name).put("state", "closed"));
    }

    private static String name(Exchange ex) {
        String name = ex.param("name");
        if (!JobStartRequest.SESSION.matcher(name).matches()) {
            throw ApiException.badRequest("'" + name + "' is not a session name (1 to 32 letters, digits, '_' or '-')");
        }
        return name;
    }

    private static ApiException missing(String name) {
        return ApiException.notFound("there is no Stata session named '" + name + "'; GET /api/sessions lists them");
    }

    static ObjectNode view(SessionStatus s) {
        ObjectNode o = Json.object().put("name", s.name()).put("state", s.state().name().toLowerCase(Locale.ROOT))
                .put("working_directory", s.workingDirectory().toString()).put("queued", s.queued())
                .put("runs_completed", s.runsCompleted()).put("last_activity", s.lastActivity().toString());
        s.pid().ifPresent(p -> o.put("pid", p));
        s.runningRunId().ifPresent(r -> o.put("running", r));
        s.processStartedAt().ifPresent(t -> o.put("started_at", t.toString()));
        s.lastExit().ifPresent(e -> o.put("last_exit", e));
        s.info().ifPresent(i -> o.put("stata_version", i.version()).put("emulator", i.emulator()));
        return o;
    }
}

package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.session.SessionStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code stata_session}: list, inspect, restart or close the persistent Stata sessions. */
final class SessionTool {
    private SessionTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_session")
                .title("Stata sessions")
                .description("Lists the persistent Stata sessions (state, working directory, runs queued), shows one"
                        + " session's status, restarts a session (its Stata is killed and started afresh: data and"
                        + " results in memory are lost) or closes it (its queued runs are cancelled).")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "action": {"type": "string", "enum": ["list", "status", "restart", "close"], "default": "list"},
                           "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$", "default": "default"}
                         },
                         "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object",
                         "properties": {"sessions": {"type": "array", "items": {"type": "object",
                            "properties": {"name": {"type": "string"}, "state": {"type": "string"}},
                            "required": ["name", "state"]}},
                           "stata": {"type": "object"}},
                         "required": ["sessions"]}""")
                .annotations(new ToolAnnotations("Stata sessions", false, true, false, false))
                .handler((args, ctx) -> {
                    String action = args.path("action").asText("list");
                    String name = args.path("session").asText("default");
                    ObjectNode out = Json.object();
                    ArrayNode sessions = out.putArray("sessions");
                    Optional<SessionPool> started = tc.engine().startedPool();
                    String text;
                    switch (action) {
                        case "status" -> {
                            Optional<SessionStatus> s = started.flatMap(p -> p.status(name));
                            if (s.isEmpty() && !name.equals(SessionPool.DEFAULT)) {
                                return ToolResult.error("there is no Stata session named '" + name + "'");
                            }
                            s.ifPresentOrElse(st -> sessions.add(view(st)), () -> sessions.addObject()
                                    .put("name", name).put("state", "stopped"));
                            text = s.map(SessionTool::line).orElse(name + ": stopped (Stata starts on the first run)");
                        }
                        case "restart", "close" -> {
                            SessionPool pool = tc.engine().pool();
                            boolean done = action.equals("restart") ? pool.restart(name) : pool.close(name);
                            if (!done) {
                                return ToolResult.error("there is no Stata session named '" + name + "' to " + action);
                            }
                            pool.status(name).ifPresent(st -> sessions.add(view(st)));
                            text = action.equals("restart") ? "Session " + name + " restarted: its next run starts a"
                                    + " fresh Stata (the data and results it held are gone)."
                                    : "Session " + name + " closed.";
                        }
                        case "list" -> {
                            List<SessionStatus> all = started.map(SessionPool::list).orElse(List.of());
                            all.forEach(st -> sessions.add(view(st)));
                            text = all.isEmpty() ? "No Stata session has started yet; `default` starts on the first"
                                    + " run." : String.join("\n", all.stream().map(SessionTool::line).toList());
                        }
                        default -> throw McpException.invalidParams("unknown action '" + action + "'");
                    }
                    tc.engine().knownInstallation().ifPresent(i -> {
                        out.putObject("stata").put("binary", i.binary().toString()).put("version", i.version())
                                .put("edition", i.edition().name()).put("emulator", i.emulator());
                    });
                    return new ToolResult(List.of(Content.text(text)), out, false);
                })
                .build();
    }

    static ObjectNode view(SessionStatus s) {
        ObjectNode o = Json.object().put("name", s.name()).put("state", s.state().name().toLowerCase(Locale.ROOT))
                .put("working_directory", s.workingDirectory().toString()).put("queued", s.queued())
                .put("runs_completed", s.runsCompleted()).put("last_activity", s.lastActivity().toString());
        s.pid().ifPresent(p -> o.put("pid", p));
        s.processStartedAt().ifPresent(t -> o.put("started_at", t.toString()));
        s.lastExit().ifPresent(e -> o.put("last_exit", e));
        s.info().ifPresent(i -> o.put("stata_version", i.version()).put("emulator", i.emulator()));
        return o;
    }

    static String line(SessionStatus s) {
        return s.name() + ": " + s.state().name().toLowerCase(Locale.ROOT) + ", in " + s.workingDirectory()
                + (s.queued() > 0 ? ", " + s.queued() + " queued" : "") + ", " + s.runsCompleted() + " runs"
                + s.info().filter(i -> i.emulator()).map(i -> " (emulator fakestata)").orElse("");
    }
}

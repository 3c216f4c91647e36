package dev.statamcp.server.tools;

import dev.statamcp.mcp.content.ResourceContents;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.resources.ResourceTemplate;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.data.DataFiles;
import dev.statamcp.stata.data.DataQuery;
import dev.statamcp.stata.data.Selection;
import java.util.List;

/** Every tool the server offers, and the resources that read a session (its variables, Stata's help). */
public final class StataTools {
    /** -32002: resource not found (MCP). */
    private static final int NOT_FOUND = -32002;

    private final ToolContext tc;
    private final SessionQueries queries;
    private final HelpLookup help;

    public StataTools(ToolContext tc) {
        this.tc = tc;
        this.queries = new SessionQueries(tc.engine(), tc.folders().dataDir());
        this.help = new HelpLookup(tc.engine(), queries);
    }

    public List<Tool> tools() {
        return List.of(
                RunTool.create(tc),
                RunFileTool.create(tc),
                RunSweepTool.create(tc),
                DataTool.create(tc),
                ResultsTool.create(tc),
                GraphsTool.create(tc),
                HelpTool.create(tc, help),
                SessionTool.create(tc),
                JobStatusTool.create(tc),
                JobWaitTool.create(tc),
                JobResultTool.create(tc),
                JobCancelTool.create(tc),
                JobsTool.create(tc),
                SweepStatusTool.create(tc),
                SweepCancelTool.create(tc));
    }

    public List<ResourceTemplate> resourceTemplates() {
        return List.of(
                new ResourceTemplate("stata://sessions/{id}/variables", "session-variables", "Variables in memory",
                        "The variables of the dataset in a session's memory (name, type, format, labels) as JSON.",
                        "application/json", (uri, vars, ctx) -> {
                            String session = vars.get("id");
                            if (!session.matches("[A-Za-z0-9_-]{1,32}")) {
                                throw new McpException(NOT_FOUND, "no session '" + session + "'");
                            }
                            try (SessionQueries.Answer a = queries.run(session,
                                    f -> DataQuery.describe(Selection.all(), f), true)) {
                                var shape = DataFiles.shape(a.file());
                                var out = Json.object().put("session", session)
                                        .put("observations", shape.observations());
                                out.set("variables", Json.MAPPER.valueToTree(shape.variables()));
                                return List.of(ResourceContents.text(uri, "application/json", Json.write(out)));
                            } catch (SessionBusyException e) {
                                throw new McpException(NOT_FOUND, e.getMessage());
                            }
                        }),
                new ResourceTemplate("stata://help/{topic}", "help", "Stata help",
                        "Stata's help for a command as Markdown.", "text/markdown", (uri, vars, ctx) -> {
                            String topic = java.net.URLDecoder.decode(vars.get("topic"),
                                    java.nio.charset.StandardCharsets.UTF_8);
                            if (!HelpLookup.TOPIC.matcher(topic).matches()) {
                                throw new McpException(NOT_FOUND, "'" + topic + "' is not a help topic");
                            }
                            return List.of(ResourceContents.text(uri, "text/markdown", help.find(topic)
                                    .orElseThrow(() -> new McpException(NOT_FOUND, "no help for " + topic))
                                    .markdown()));
                        }));
    }
}

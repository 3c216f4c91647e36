package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.results.Uris;
import dev.statamcp.stata.paths.StataQuoting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code stata_graphs}: the graphs in a session's memory, and exporting one. A PNG comes back as an image the
 * model can see plus a link; SVG and PDF as links. Exports get a folder of their own in the data directory, with
 * an id like a job's, so their {@code stata://graphs/...} links work the same way.
 */
final class GraphsTool {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

    private GraphsTool() {
    }

    static Tool create(ToolContext tc) {
        SessionQueries queries = new SessionQueries(tc.engine(), tc.folders().dataDir());
        return Tool.builder("stata_graphs")
                .title("Graphs")
                .description("action=list names the graphs in a session's memory; action=export writes one (name,"
                        + " default the current graph) as png (returned as an image you can see), svg or pdf"
                        + " (returned as a link). Graphs drawn by stata_run come back as images already.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "action": {"type": "string", "enum": ["list", "export"], "default": "list"},
                           "name": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,31}$"},
                           "format": {"type": "string", "enum": ["png", "svg", "pdf"], "default": "png"},
                           "width": {"type": "integer", "minimum": 100, "maximum": 10000},
                           "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$", "default": "default"}
                         },
                         "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object",
                         "properties": {"session": {"type": "string"},
                                        "graphs": {"type": "array", "items": {"type": "string"}},
                                        "uri": {"type": "string"}, "mime_type": {"type": "string"}},
                         "required": ["session"]}""")
                .annotations(new ToolAnnotations("Graphs", true, false, true, false))
                .handler((args, ctx) -> {
                    String session = args.path("session").asText("default");
                    try {
                        queries.requireKnown(session);
                        return args.path("action").asText("list").equals("export")
                                ? export(tc, queries, session, args) : list(queries, session);
                    } catch (SessionBusyException e) {
                        return ToolResult.error(e.getMessage());
                    }
                })
                .build();
    }

    private static ToolResult list(SessionQueries queries, String session) throws Exception {
        try (SessionQueries.Answer a = queries.run(session, out -> "quietly graph dir, memory\n"
                + "capture file close _smcpfh\n"
                + "file open _smcpfh using " + StataQuoting.quote(out) + ", write replace text\n"
                + "file write _smcpfh `\"`r(list)'\"' _n\n"
                + "file close _smcpfh\n", true)) {
            String error = QueryText.error(a.result());
            if (error != null) {
                return ToolResult.error(error);
            }
            String names = Files.readString(a.file(), StandardCharsets.UTF_8).strip();
            List<String> graphs = names.isEmpty() ? List.of() : List.of(names.split("\\s+"));
            ObjectNode out = Json.object().put("session", session);
            out.set("graphs", Json.MAPPER.valueToTree(graphs));
            return new ToolResult(List.of(Content.text(graphs.isEmpty() ? "No graphs in memory."
                    : "Graphs in memory: " + String.join(", ", graphs))), out, false);
        }
    }

    private static ToolResult export(ToolContext tc, SessionQueries queries, String session,
                                     com.fasterxml.jackson.databind.node.ObjectNode args) throws Exception {
        String format = args.path("format").asText("png");
        String name = args.hasNonNull("name") ? args.get("name").asText() : null;
        if (name != null && !NAME.matcher(name).matches()) {
            throw McpException.invalidParams("'name' must be a Stata graph name");
        }
        int width = args.hasNonNull("width") ? args.get("width").asInt() : tc.graphWidth();
        JobId folderId = JobId.next(tc.clock().millis());
        Path dir = Files.createDirectories(tc.folders().graphs(folderId));
        String fileName = (name == null ? "Graph" : name) + "." + format;
        Path file = dir.resolve(fileName);
        StringBuilder code = new StringBuilder("graph export ").append(StataQuoting.quote(file)).append(", replace");
        if (name != null) {
            code.append(" name(").append(name).append(')');
        }
        if (!format.equals("pdf")) {
            code.append(" width(").append(width).append(')');
        }
        try (SessionQueries.Answer a = queries.run(session, out -> code + "\n", true)) {
            String error = QueryText.error(a.result());
            if (error != null || !Files.isRegularFile(file)) {
                return ToolResult.error((error != null ? error : "Stata wrote no file")
                        + (name == null ? "" : ". stata_graphs action=list shows the graphs in memory."));
            }
        }
        String uri = Uris.graph(folderId.value(), fileName);
        String mime = format.equals("png") ? "image/png" : format.equals("svg") ? "image/svg+xml" : "application/pdf";
        List<Content> content = new ArrayList<>();
        if (format.equals("png")) {
            content.add(Content.image(Files.readAllBytes(file), mime));
        }
        content.add(new Content.ResourceLink(uri, fileName, null, "graph " + (name == null ? "(current)" : name)
                + " exported as " + format, mime, Files.size(file)));
        ObjectNode out = Json.object().put("session", session).put("uri", uri).put("mime_type", mime);
        return new ToolResult(content, out, false);
    }
}

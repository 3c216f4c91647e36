package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.data.DataFiles;
import dev.statamcp.stata.data.DataQuery;
import dev.statamcp.stata.data.DatasetShape;
import dev.statamcp.stata.data.Selection;
import dev.statamcp.stata.data.Variable;
import dev.statamcp.stata.data.VariableSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code stata_data}: the dataset in a session's memory, read without changing it (the user's {@code r()} and
 * {@code _rc} survive): Stata's own text for the model to read, and the same facts as structured content.
 */
final class DataTool {
    private DataTool() {
    }

    static Tool create(ToolContext tc) {
        SessionQueries queries = new SessionQueries(tc.engine(), tc.folders().dataDir());
        return Tool.builder("stata_data")
                .title("Inspect the data in memory")
                .description("Looks at the dataset in a session's memory without changing it. action=describe"
                        + " lists variables with types, formats and labels; summarize gives N, mean, sd, min, max;"
                        + " list shows rows (at most max_rows; missing values are null in the structured rows);"
                        + " codebook describes values; tabulate gives a one-way frequency table of one variable."
                        + " varlist, if and in narrow it as in Stata (e.g. if=\"foreign == 1\", in=\"1/20\").")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "action": {"type": "string", "enum": ["describe", "summarize", "list", "codebook", "tabulate"],
                                      "default": "describe"},
                           "varlist": {"type": "string", "description": "Variables, e.g. \\"price mpg\\" or \\"p*\\"; default all (tabulate: exactly one)."},
                           "if": {"type": "string", "description": "A Stata condition, e.g. price > 5000 & !missing(rep78)."},
                           "in": {"type": "string", "description": "An observation range, e.g. 1/20 or -10/l."},
                           "max_rows": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 50},
                           "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$", "default": "default"}
                         },
                         "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object",
                         "properties": {
                           "action": {"type": "string"}, "session": {"type": "string"},
                           "observations": {"type": "integer"}, "variable_count": {"type": "integer"},
                           "variables": {"type": "array", "items": {"type": "object",
                              "properties": {"name": {"type": "string"}, "type": {"type": "string"},
                                             "format": {"type": "string"}, "value_label": {"type": "string"},
                                             "label": {"type": "string"}},
                              "required": ["name", "type"]}},
                           "rows": {"type": "array", "items": {"type": "object"}},
                           "summaries": {"type": "array", "items": {"type": "object"}},
                           "frequencies": {"type": "array", "items": {"type": "object"}}
                         },
                         "required": ["action", "session"]}""")
                .annotations(new ToolAnnotations("Inspect the data in memory", true, false, true, false))
                .handler((args, ctx) -> {
                    String action = args.path("action").asText("describe");
                    String session = args.path("session").asText("default");
                    Selection selection;
                    try {
                        selection = new Selection(text(args, "varlist"), text(args, "if"), text(args, "in"));
                    } catch (IllegalArgumentException e) {
                        throw McpException.invalidParams(e.getMessage());
                    }
                    if (action.equals("tabulate") && (selection.varlist().isEmpty()
                            || selection.varlist().split("\\s+").length != 1)) {
                        throw McpException.invalidParams("tabulate needs exactly one variable in 'varlist'");
                    }
                    try {
                        queries.requireKnown(session);
                        return run(queries, action, session, selection, args.path("max_rows").asInt(50));
                    } catch (SessionBusyException e) {
                        return ToolResult.error(e.getMessage());
                    }
                })
                .build();
    }

    private static ToolResult run(SessionQueries queries, String action, String session, Selection s, int maxRows)
            throws Exception {
        ObjectNode out = Json.object().put("action", action).put("session", session);
        Path[] csv = new Path[1];
        try (SessionQueries.Answer a = queries.run(session, file -> switch (action) {
            case "summarize" -> DataQuery.summarize(s, file);
            case "codebook" -> DataQuery.codebook(s, file);
            case "tabulate" -> DataQuery.tabulate(s);
            case "list" -> {
                csv[0] = file.resolveSibling(file.getFileName() + ".csv");
                yield DataQuery.list(s, maxRows, file, csv[0]);
            }
            default -> DataQuery.describe(s, file);
        }, true)) {
            String error = QueryText.error(a.result());
            String text = QueryText.of(a.result());
            if (error != null) {
                return new ToolResult(List.of(Content.text(text.isEmpty() ? error : text + "\n" + error)), null,
                        true);
            }
            switch (action) {
                case "summarize" -> summaries(out.putArray("summaries"), DataFiles.summaries(a.file()));
                case "tabulate" -> DataFiles.frequencies(List.of(text.split("\n"))).forEach(f -> out
                        .withArray("frequencies").addObject().put("value", f.value()).put("count", f.count())
                        .put("percent", f.percent()).put("cumulative", f.cumulative()));
                default -> {
                    DatasetShape shape = DataFiles.shape(a.file());
                    out.put("observations", shape.observations()).put("variable_count", shape.variableCount());
                    variables(out.putArray("variables"), shape.variables());
                    if (action.equals("list")) {
                        ArrayNode rows = out.putArray("rows");
                        for (Map<String, Object> row : DataFiles.rows(csv[0], shape.variables(), maxRows)) {
                            rows.add(Json.MAPPER.valueToTree(row));
                        }
                    }
                }
            }
            return new ToolResult(List.of(Content.text(text.isEmpty() ? "(no output)" : text)), out, false);
        } finally {
            if (csv[0] != null) {
                Files.deleteIfExists(csv[0]);
            }
        }
    }

    private static void variables(ArrayNode array, List<Variable> vars) {
        for (Variable v : vars) {
            array.addObject().put("name", v.name()).put("type", v.type()).put("format", v.format())
                    .put("value_label", v.valueLabel()).put("label", v.label());
        }
    }

    private static void summaries(ArrayNode array, List<VariableSummary> sums) {
        for (VariableSummary v : sums) {
            ObjectNode o = array.addObject().put("name", v.name()).put("n", v.n());
            put(o, "mean", v.mean());
            put(o, "sd", v.sd());
            put(o, "min", v.min());
            put(o, "max", v.max());
        }
    }

    private static void put(ObjectNode o, String field, Double value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    private static String text(ObjectNode args, String field) {
        return args.hasNonNull(field) ? args.get(field).asText() : "";
    }
}

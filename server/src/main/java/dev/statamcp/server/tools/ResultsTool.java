package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.results.ResultKind;
import dev.statamcp.stata.results.ResultsQuery;
import dev.statamcp.stata.results.StoredMatrix;
import dev.statamcp.stata.results.StoredResults;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code stata_results}: the session's r(), e() or s() results, structured and at full precision. */
final class ResultsTool {
    private ResultsTool() {
    }

    static Tool create(ToolContext tc) {
        SessionQueries queries = new SessionQueries(tc.engine(), tc.folders().dataDir());
        return Tool.builder("stata_results")
                .title("Stored results")
                .description("Returns the session's stored results at full precision: kind=r after r-class commands"
                        + " such as summarize or tabulate, kind=e after estimation commands such as regress (e(b)"
                        + " and e(V) with their row and column names), kind=s for s-class. Reading them changes"
                        + " nothing.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "kind": {"type": "string", "enum": ["r", "e", "s"], "default": "r"},
                           "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$", "default": "default"}
                         },
                         "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object",
                         "properties": {
                           "kind": {"type": "string"}, "session": {"type": "string"},
                           "scalars": {"type": "object", "additionalProperties": {"type": ["number", "null"]}},
                           "macros": {"type": "object", "additionalProperties": {"type": "string"}},
                           "matrices": {"type": "array", "items": {"type": "object",
                              "properties": {"name": {"type": "string"}, "rows": {"type": "integer"},
                                             "cols": {"type": "integer"},
                                             "row_names": {"type": "array", "items": {"type": "string"}},
                                             "col_names": {"type": "array", "items": {"type": "string"}},
                                             "values": {"type": "array", "items": {"type": "array",
                                                        "items": {"type": ["number", "null"]}}}},
                              "required": ["name", "rows", "cols", "row_names", "col_names", "values"]}},
                           "functions": {"type": "array", "items": {"type": "string"}}
                         },
                         "required": ["kind", "session", "scalars", "macros", "matrices"]}""")
                .annotations(new ToolAnnotations("Stored results", true, false, true, false))
                .handler((args, ctx) -> {
                    ResultKind kind = ResultKind.valueOf(args.path("kind").asText("r").toUpperCase(Locale.ROOT));
                    String session = args.path("session").asText("default");
                    try {
                        queries.requireKnown(session);
                        try (SessionQueries.Answer a = queries.run(session, f -> ResultsQuery.code(kind, f), false)) {
                            String error = QueryText.error(a.result());
                            if (error != null) {
                                return ToolResult.error(error);
                            }
                            StoredResults results = ResultsQuery.parse(kind, a.file());
                            return new ToolResult(List.of(Content.text(describe(results))),
                                    json(results, session), false);
                        }
                    } catch (SessionBusyException e) {
                        return ToolResult.error(e.getMessage());
                    }
                })
                .build();
    }

    static ObjectNode json(StoredResults r, String session) {
        ObjectNode out = Json.object().put("kind", r.kind().letter()).put("session", session);
        ObjectNode scalars = out.putObject("scalars");
        r.scalars().forEach((k, v) -> {
            if (v == null) {
                scalars.putNull(k);
            } else {
                scalars.put(k, v);
            }
        });
        ObjectNode macros = out.putObject("macros");
        r.macros().forEach(macros::put);
        ArrayNode matrices = out.putArray("matrices");
        for (StoredMatrix m : r.matrices()) {
            ObjectNode o = matrices.addObject().put("name", m.name()).put("rows", m.rows()).put("cols", m.cols());
            o.set("row_names", Json.MAPPER.valueToTree(m.rowNames()));
            o.set("col_names", Json.MAPPER.valueToTree(m.colNames()));
            if (!m.rowEquations().isEmpty()) {
                o.set("row_equations", Json.MAPPER.valueToTree(m.rowEquations()));
            }
            if (!m.colEquations().isEmpty()) {
                o.set("col_equations", Json.MAPPER.valueToTree(m.colEquations()));
            }
            o.set("values", Json.MAPPER.valueToTree(m.values()));
        }
        out.set("functions", Json.MAPPER.valueToTree(r.functions()));
        return out;
    }

    /** A readable listing in the spirit of Stata's return list. */
    static String describe(StoredResults r) {
        String k = r.kind().letter();
        if (r.isEmpty()) {
            return "No " + k + "() results are stored in this session now.";
        }
        StringBuilder sb = new StringBuilder();
        if (!r.scalars().isEmpty()) {
            sb.append("scalars:\n");
            r.scalars().forEach((n, v) -> sb.append(String.format(Locale.ROOT, "%22s = %s%n", k + "(" + n + ")",
                    v == null ? "." : format(v))));
        }
        if (!r.macros().isEmpty()) {
            sb.append("macros:\n");
            for (Map.Entry<String, String> e : r.macros().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%22s : \"%s\"%n", k + "(" + e.getKey() + ")", e.getValue()));
            }
        }
        for (StoredMatrix m : r.matrices()) {
            sb.append(k).append('(').append(m.name()).append(")  ").append(m.rows()).append(" x ").append(m.cols())
                    .append("  columns: ").append(String.join(" ", m.colNames())).append('\n');
            for (int i = 0; i < m.rows(); i++) {
                sb.append(String.format(Locale.ROOT, "%14s", i < m.rowNames().size() ? m.rowNames().get(i) : ""));
                for (Double v : m.values().get(i)) {
                    sb.append(String.format(Locale.ROOT, " %14s", v == null ? "." : format(v)));
                }
                sb.append('\n');
            }
        }
        if (!r.functions().isEmpty()) {
            sb.append("functions: ").append(String.join(" ", r.functions().stream().map(f -> k + "(" + f + ")")
                    .toList())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package dev.statamcp.server.tools;

import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.help.SmclToMarkdown;
import dev.statamcp.server.json.Json;
import java.util.List;
import java.util.Optional;

/** {@code stata_help}: Stata's help for a command as Markdown, whole or one section. */
final class HelpTool {
    private HelpTool() {
    }

    static Tool create(ToolContext tc, HelpLookup help) {
        return Tool.builder("stata_help")
                .title("Stata help")
                .description("Returns Stata's own help for a command or topic (e.g. regress, summarize, graph"
                        + " export) as Markdown: syntax, options, examples and stored results. Give `section`"
                        + " (e.g. Syntax, Options, Examples, Stored results) for that part only.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "topic": {"type": "string", "minLength": 1, "maxLength": 64,
                                     "description": "A command or topic name, written out in full (regress, not reg)."},
                           "section": {"type": "string", "description": "A heading of the help page; prefix match."}
                         },
                         "required": ["topic"], "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object",
                         "properties": {"topic": {"type": "string"}, "source": {"type": "string"},
                                        "sections": {"type": "array", "items": {"type": "string"}}},
                         "required": ["topic", "sections"]}""")
                .annotations(new ToolAnnotations("Stata help", true, false, true, false))
                .handler((args, ctx) -> {
                    String topic = args.get("topic").asText().strip();
                    if (!HelpLookup.TOPIC.matcher(topic).matches()) {
                        throw McpException.invalidParams("'topic' must be a command or topic name such as regress or"
                                + " graph export (letters, digits, _, spaces, dots and dashes)");
                    }
                    Optional<HelpLookup.Page> page;
                    try {
                        page = help.find(topic);
                    } catch (SessionBusyException e) {
                        return ToolResult.error(e.getMessage());
                    }
                    if (page.isEmpty()) {
                        return ToolResult.error("Stata has no help for '" + topic + "'. Use the command's full name"
                                + " (regress, not reg), or search for it with stata_run: search " + topic);
                    }
                    String md = page.get().markdown();
                    List<String> sections = SmclToMarkdown.sections(md);
                    if (args.hasNonNull("section")) {
                        String part = SmclToMarkdown.section(md, args.get("section").asText());
                        if (part == null) {
                            return ToolResult.error("The help for " + topic + " has no section '"
                                    + args.get("section").asText() + "'; its sections are: "
                                    + String.join(", ", sections));
                        }
                        md = part;
                    }
                    var out = Json.object().put("topic", topic).put("source", page.get().source());
                    out.set("sections", Json.MAPPER.valueToTree(sections));
                    return new ToolResult(List.of(Content.text(md)), out, false);
                })
                .build();
    }
}

package dev.statamcp.server.it;

import static dev.statamcp.server.it.ToolResults.isError;
import static dev.statamcp.server.it.ToolResults.structured;
import static dev.statamcp.server.it.ToolResults.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.schema.SchemaValidator;
import dev.statamcp.server.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's acceptance, through the official Java SDK client against the packaged server on the emulator: every
 * tool answers a good call (structured output checked against its output schema) and refuses bad arguments; graphs
 * come back as images; long output keeps its end and links the full log; results, data, safety and encoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsIT {
    static final int GRAPH_WIDTH = 640;

    @TempDir
    static Path tmp;
    Path workspace;
    McpSyncClient client;
    Map<String, McpSchema.Tool> tools = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        workspace = Files.createDirectories(tmp.resolve("work space"));
        client = new ServerFixture(tmp.resolve("data")).flag("--workspace", workspace.toString(),
                "--graph-width", String.valueOf(GRAPH_WIDTH)).client(null, null);
        client.listTools().tools().forEach(t -> tools.put(t.name(), t));
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder().name(tool)
                .arguments(args).build());
        if (result.structuredContent() != null && tools.get(tool).outputSchema() != null) {
            JsonNode schema = Json.MAPPER.valueToTree(tools.get(tool).outputSchema());
            JsonNode value = Json.MAPPER.valueToTree(result.structuredContent());
            assertThat(SchemaValidator.validate(schema, value)).as(tool + " output against its outputSchema")
                    .isEmpty();
        }
        return result;
    }

    void refusesBadArguments(String tool, Map<String, Object> args, String messagePart) {
        assertThatThrownBy(() -> client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(args)
                .build())).as(tool).isInstanceOf(McpError.class).hasMessageContaining(messagePart);
    }

    @Test
    void everyToolIsDescribedWithSchemasAndHints() {
        assertThat(tools).containsKeys("stata_run", "stata_run_file", "stata_data", "stata_results", "stata_graphs",
                "stata_help", "stata_session", "stata_job_status", "stata_job_wait", "stata_job_result",
                "stata_job_cancel", "stata_jobs");
        for (McpSchema.Tool t : tools.values()) {
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(60);
            assertThat(t.inputSchema()).as(t.name()).isNotNull();
            assertThat(t.outputSchema()).as(t.name()).isNotNull();
            assertThat(t.annotations()).as(t.name()).isNotNull();
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isNotNull();
        }
        assertThat(tools.get("stata_data").annotations().readOnlyHint()).isTrue();
        assertThat(tools.get("stata_job_cancel").annotations().destructiveHint()).isTrue();
    }

    @Test
    void runScatterReturnsAPngOfTheConfiguredWidth() throws Exception {
        McpSchema.CallToolResult r = call("stata_run", Map.of("code",
                "sysuse auto, clear\nscatter price mpg, title(\"Price and mileage\")"));
        assertThat(isError(r)).as(text(r)).isFalse();
        McpSchema.ImageContent image = r.content().stream().filter(c -> c instanceof McpSchema.ImageContent)
                .map(c -> (McpSchema.ImageContent) c).findFirst().orElseThrow();
        assertThat(image.mimeType()).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.data())));
        assertThat(png.getWidth()).isEqualTo(GRAPH_WIDTH);
        assertThat(structured(r).at("/graphs/0/uri").asText()).startsWith("stata://graphs/").endsWith("/Graph.png");
        refusesBadArguments("stata_run", Map.of("code", ""), "code");
        refusesBadArguments("stata_run", Map.of("code", "display 1", "session", "no spaces allowed"), "session");
    }

    @Test
    void aHugeOutputKeepsItsFinalErrorAndPointsToTheFullLog() {
        // About 5 MB: 60,000 lines of 80 characters, then an error.
        McpSchema.CallToolResult r = call("stata_run", Map.of("code", "forvalues i = 1/66000 {\n"
                + "display \"line `i' \" _dup(70) \"x\"\n}\ngen y = bad_var + 1"));
        assertThat(isError(r)).isTrue();
        String out = ((McpSchema.TextContent) r.content().get(0)).text();
        assertThat(out.length()).isLessThan(45_000);
        assertThat(out).containsPattern("… \\d+ lines omitted — full log: stata://jobs/j[0-9a-z]{15}/log …");
        assertThat(out.strip()).endsWith("r(111);");
        JsonNode s = structured(r);
        assertThat(s.get("rc").asInt()).isEqualTo(111);
        assertThat(s.get("message").asText()).isEqualTo("bad_var not found");
        assertThat(s.get("truncated").asBoolean()).isTrue();

        McpSchema.ReadResourceResult log = client.readResource(new McpSchema.ReadResourceRequest(
                s.get("log_uri").asText()));
        String whole = ((McpSchema.TextResourceContents) log.contents().get(0)).text();
        assertThat(whole.length()).isGreaterThan(5_000_000);
        assertThat(whole).contains("line 1 xxxx", "line 30000 xxxx", "line 66000 xxxx", "bad_var not found");
    }

    @Test
    void listOutputSurvivesCompactModeIntact() {
        McpSchema.CallToolResult r = call("stata_run", Map.of("code", "sysuse auto, clear\nlist make price in 1/12"));
        assertThat(isError(r)).isFalse();
        String out = text(r);
        for (int i = 1; i <= 12; i++) {
            assertThat(out).containsPattern("(?m)^\\s*" + i + "\\. \\|");
        }
        assertThat(out).contains("AMC Concord", "Buick Century", "Cad. Deville");
    }

    @Test
    void storedResultsComeBackWithNamesAndValues() {
        call("stata_run", Map.of("code", "sysuse auto, clear\nsummarize price"));
        JsonNode r = structured(call("stata_results", Map.of("kind", "r")));
        assertThat(r.at("/scalars/N").asDouble()).isEqualTo(74);
        assertThat(r.at("/scalars/mean").asDouble()).isCloseTo(6165.2567567567567, org.assertj.core.data.Offset
                .offset(1e-6));
        assertThat(r.at("/scalars/sd").asDouble()).isCloseTo(2949.4958847, org.assertj.core.data.Offset.offset(1e-4));

        call("stata_run", Map.of("code", "regress price mpg"));
        JsonNode e = structured(call("stata_results", Map.of("kind", "e")));
        assertThat(e.at("/scalars/N").asDouble()).isEqualTo(74);
        assertThat(e.at("/scalars/r2").asDouble()).isCloseTo(0.2196, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(e.at("/macros/cmd").asText()).isEqualTo("regress");
        assertThat(e.at("/macros/depvar").asText()).isEqualTo("price");
        JsonNode b = null;
        JsonNode v = null;
        for (JsonNode m : e.get("matrices")) {
            if (m.get("name").asText().equals("b")) {
                b = m;
            } else if (m.get("name").asText().equals("V")) {
                v = m;
            }
        }
        assertThat(b).isNotNull();
        assertThat(b.get("col_names")).extracting(JsonNode::asText).containsExactly("mpg", "_cons");
        assertThat(b.at("/values/0/0").asDouble()).isCloseTo(-238.8943, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(b.at("/values/0/1").asDouble()).isCloseTo(11253.06, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(v.get("row_names")).extracting(JsonNode::asText).containsExactly("mpg", "_cons");
        assertThat(v.get("rows").asInt()).isEqualTo(2);
        assertThat(e.get("functions")).extracting(JsonNode::asText).contains("sample");
        refusesBadArguments("stata_results", Map.of("kind", "x"), "kind");
    }

    @Test
    void dataToolDescribesListsAndSummarizes() {
        call("stata_run", Map.of("code", "sysuse auto, clear"));
        JsonNode d = structured(call("stata_data", Map.of("action", "describe")));
        assertThat(d.get("observations").asInt()).isEqualTo(74);
        assertThat(d.get("variables")).extracting(n -> n.get("name").asText()).contains("make", "price", "foreign");
        assertThat(d.get("variables").get(0).get("label").asText()).isEqualTo("Make and model");

        McpSchema.CallToolResult listed = call("stata_data", Map.of("action", "list", "varlist", "make rep78",
                "in", "1/3"));
        JsonNode rows = structured(listed).get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("make").asText()).isEqualTo("AMC Spirit");
        assertThat(rows.get(2).get("rep78").isNull()).as("a missing value is null").isTrue();
        assertThat(rows.get(0).get("rep78").asInt()).isEqualTo(3);

        JsonNode s = structured(call("stata_data", Map.of("action", "summarize", "varlist", "price mpg")));
        assertThat(s.at("/summaries/0/name").asText()).isEqualTo("price");
        assertThat(s.at("/summaries/0/n").asInt()).isEqualTo(74);
        assertThat(s.at("/summaries/0/max").asDouble()).isEqualTo(15906);

        JsonNode t = structured(call("stata_data", Map.of("action", "tabulate", "varlist", "foreign")));
        assertThat(t.get("frequencies")).extracting(n -> n.get("count").asInt()).containsExactly(52, 22);
        assertThat(text(call("stata_data", Map.of("action", "codebook", "varlist", "foreign")))).contains("foreign");

        refusesBadArguments("stata_data", Map.of("action", "list", "if", "1\nshell ls"), "if");
        refusesBadArguments("stata_data", Map.of("action", "tabulate"), "exactly one variable");
        McpSchema.CallToolResult missing = call("stata_data", Map.of("action", "describe", "varlist", "nosuchvar"));
        assertThat(isError(missing)).isTrue();
        assertThat(text(missing)).contains("r(111)");
    }

    @Test
    void aQueryWaitsForASessionBusyForAMomentButNotForALongJob() {
        call("stata_run", Map.of("code", "sysuse auto, clear", "session", "briefly"));
        call("stata_run", Map.of("code", "sleep 1500", "session", "briefly", "background", true));
        JsonNode d = structured(call("stata_data", Map.of("action", "describe", "session", "briefly")));
        assertThat(d.get("observations").asInt()).as("answered once the short run ended").isEqualTo(74);

        String id = structured(call("stata_run", Map.of("code", "sleep 60000", "session", "briefly",
                "background", true))).get("job_id").asText();
        long t0 = System.nanoTime();
        McpSchema.CallToolResult busy = call("stata_data", Map.of("action", "describe", "session", "briefly"));
        assertThat(isError(busy)).isTrue();
        assertThat(text(busy)).contains("is busy running code").contains("stata_job_wait");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("gives up after its patience, not after the job")
                .isLessThan(30_000);
        call("stata_job_cancel", Map.of("job_id", id));
    }

    @Test
    void graphsHelpAndSessions() throws Exception {
        call("stata_run", Map.of("code", "sysuse auto, clear\nscatter price mpg, name(pm)"));
        JsonNode listed = structured(call("stata_graphs", Map.of("action", "list")));
        assertThat(listed.get("graphs")).extracting(JsonNode::asText).contains("pm");
        McpSchema.CallToolResult png = call("stata_graphs", Map.of("action", "export", "name", "pm", "width", 300));
        assertThat(png.content()).anyMatch(c -> c instanceof McpSchema.ImageContent);
        assertThat(png.content()).anyMatch(c -> c instanceof McpSchema.ResourceLink);
        McpSchema.CallToolResult svg = call("stata_graphs", Map.of("action", "export", "name", "pm", "format", "svg"));
        String svgUri = structured(svg).get("uri").asText();
        McpSchema.ReadResourceResult svgFile = client.readResource(new McpSchema.ReadResourceRequest(svgUri));
        String svgText = new String(Base64.getDecoder().decode(((McpSchema.BlobResourceContents) svgFile.contents()
                .get(0)).blob()), StandardCharsets.UTF_8);
        assertThat(svgText).contains("<svg");
        refusesBadArguments("stata_graphs", Map.of("action", "export", "format", "gif"), "format");

        McpSchema.CallToolResult help = call("stata_help", Map.of("topic", "regress", "section", "syntax"));
        assertThat(isError(help)).as(text(help)).isFalse();
        assertThat(text(help)).contains("## Syntax", "regress");
        assertThat(text(call("stata_help", Map.of("topic", "nosuchcommand")))).contains("no help");
        refusesBadArguments("stata_help", Map.of("topic", "a;b`c"), "topic");

        JsonNode sessions = structured(call("stata_session", Map.of("action", "list")));
        assertThat(sessions.get("sessions")).extracting(n -> n.get("name").asText()).contains("default");
        assertThat(structured(call("stata_session", Map.of("action", "status"))).at("/stata/emulator").asBoolean())
                .isTrue();
        refusesBadArguments("stata_session", Map.of("action", "explode"), "action");
    }

    @Test
    void jobToolsFindTheRunsAndRefuseMalformedIds() {
        McpSchema.CallToolResult run = call("stata_run", Map.of("code", "display 40 + 2"));
        String id = structured(run).get("job_id").asText();
        assertThat(structured(call("stata_job_status", Map.of("job_id", id))).get("status").asText())
                .isEqualTo("succeeded");
        assertThat(Json.MAPPER.valueToTree(call("stata_job_result", Map.of("job_id", id)).structuredContent())
                .toString()).isEqualTo(Json.MAPPER.valueToTree(run.structuredContent()).toString());
        assertThat(structured(call("stata_job_wait", Map.of("job_id", id, "seconds", 1))).get("status").asText())
                .isEqualTo("succeeded");
        assertThat(structured(call("stata_jobs", Map.of("limit", 50))).get("jobs"))
                .extracting(n -> n.get("job_id").asText()).contains(id);
        assertThat(structured(call("stata_job_cancel", Map.of("job_id", id))).get("status").asText())
                .isEqualTo("succeeded");
        for (String tool : List.of("stata_job_status", "stata_job_wait", "stata_job_result", "stata_job_cancel")) {
            refusesBadArguments(tool, Map.of("job_id", "../etc"), "job_id");
        }
        assertThat(isError(call("stata_job_status", Map.of("job_id", "j000000000000000")))).isTrue();
    }

    @Test
    void pathsOutsideTheWorkspaceAndShellEscapesAreRefused() {
        McpSchema.CallToolResult outside = call("stata_run_file", Map.of("path", "/etc/hosts"));
        assertThat(isError(outside)).isTrue();
        assertThat(text(outside)).contains("outside the folders this server may use", workspace.getFileName()
                .toString());
        McpSchema.CallToolResult shell = call("stata_run", Map.of("code", "display 1\nshell ls"));
        assertThat(isError(shell)).isTrue();
        assertThat(text(shell)).contains("Shell escapes are turned off", "line 2", "--allow-shell");
    }

    @Test
    void aDoFileWithChineseAndAnApostropheInItsNameRunsAndItsLabelsComeBackIntact() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("中文 folder"));
        Path doFile = folder.resolve("分析 O'Brien.do");
        Files.writeString(doFile, String.join("\n",
                "sysuse auto, clear",
                "label variable price \"价格（美元）\"",
                "label variable make \"车型 O'Brien\"",
                "display \"完成\"", ""), StandardCharsets.UTF_8);
        McpSchema.CallToolResult r = call("stata_run_file", Map.of("path", doFile.toString(), "cwd",
                folder.toString()));
        assertThat(isError(r)).as(text(r)).isFalse();
        assertThat(text(r)).contains("完成");
        JsonNode vars = structured(call("stata_data", Map.of("action", "describe", "varlist", "make price")))
                .get("variables");
        assertThat(vars.get(0).get("label").asText()).isEqualTo("车型 O'Brien");
        assertThat(vars.get(1).get("label").asText()).isEqualTo("价格（美元）");
    }
}

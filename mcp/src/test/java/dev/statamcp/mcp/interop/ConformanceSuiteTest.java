package dev.statamcp.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import dev.statamcp.mcp.jsonrpc.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned in node-tests/) against the
 * fixture server over Streamable HTTP: every server scenario the suite lists must pass with no failed check and no
 * warning.
 */
@Tag("interop")
class ConformanceSuiteTest {
    private static FixtureHttpServer fixture;
    private static Path results;

    @BeforeAll
    static void start() throws Exception {
        NodeTests.requireInstalled();
        fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0);
        results = Files.createTempDirectory("conformance");
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    static List<String> serverScenarios() throws Exception {
        NodeTests.Outcome listed = NodeTests.run(List.of(NodeTests.conformanceCli(), "list", "--server"), Map.of(), Duration.ofMinutes(1));
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        List<String> scenarios = new ArrayList<>();
        for (String line : listed.stdout().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("- ")) {
                scenarios.add(trimmed.substring(2).trim());
            }
        }
        return scenarios;
    }

    @TestFactory
    Stream<DynamicTest> everyServerScenarioPasses() throws Exception {
        List<String> scenarios = serverScenarios();
        assertThat(scenarios).as("the suite lists its server scenarios").hasSizeGreaterThanOrEqualTo(30)
                .contains("server-initialize", "tools-call-with-progress", "server-sse-polling", "dns-rebinding-protection");
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario, () -> runScenario(scenario)));
    }

    private static void runScenario(String scenario) throws Exception {
        Path out = results.resolve(scenario);
        NodeTests.Outcome outcome = NodeTests.run(List.of(NodeTests.conformanceCli(), "server", "--url", fixture.url(),
                "--scenario", scenario, "-o", out.toString()), Map.of(), Duration.ofMinutes(2));
        List<String> problems = new ArrayList<>();
        int checks = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("checks.json")).toList()) {
                for (JsonNode check : Json.parse(Files.readString(file))) {
                    String status = check.path("status").asText();
                    if ("SUCCESS".equals(status)) {
                        checks++;
                    } else if ("FAILURE".equals(status) || "WARNING".equals(status)) {
                        problems.add(status + " " + check.path("id").asText() + ": " + check.path("errorMessage").asText());
                    }
                }
            }
        }
        assertThat(problems).as("failed or warning checks of " + scenario + "\n" + outcome.stderr()).isEmpty();
        assertThat(checks).as("successful checks of " + scenario + "\n" + outcome.stderr()).isPositive();
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        System.out.println("conformance scenario " + scenario + ": passed, " + checks + " successful checks");
    }
}

package dev.statamcp.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import dev.statamcp.mcp.jsonrpc.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript SDK client (node-tests/interop/ts-client.mjs) against the fixture, over stdio and HTTP:
 * initialize, list tools, a call with progress (at least 3 notifications) and a log message, and an aborted call
 * whose handler sees the cancellation within 1 s and whose result never arrives.
 */
@Tag("interop")
class TypeScriptSdkInteropTest {

    @Test
    void overStdio() throws Exception {
        List<String> args = new ArrayList<>(List.of("interop/ts-client.mjs", "stdio", FixtureProcess.java()));
        args.addAll(FixtureProcess.stdioArgs());
        check(NodeTests.run(args, Map.of(), Duration.ofMinutes(2)));
    }

    @Test
    void overHttp() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            check(NodeTests.run(List.of("interop/ts-client.mjs", "http", fixture.url()), Map.of(), Duration.ofMinutes(2)));
        }
    }

    private static void check(NodeTests.Outcome outcome) {
        assertThat(outcome.exitCode()).as("ts client failed:\n" + outcome.stderr() + outcome.stdout()).isZero();
        JsonNode report = Json.parse(outcome.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.println("TypeScript SDK client report: " + report);
        assertThat(report.at("/serverInfo/name").asText()).isEqualTo("conformance-fixture");
        assertThat(report.get("tools").toString()).contains("progress_steps", "wait_for_cancel");

        List<Double> progress = new ArrayList<>();
        report.get("progress").forEach(p -> progress.add(p.get("progress").asDouble()));
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(report.at("/result/content/0/text").asText()).isEqualTo("completed 5 steps");
        assertThat(report.get("logs").size()).as("log messages received").isGreaterThanOrEqualTo(1);

        assertThat(report.get("cancelOutcome").asText()).startsWith("rejected");
        assertThat(report.get("cancelNotificationSent").asBoolean()).isTrue();
        assertThat(report.get("responsesForCancelled").asInt()).as("no result for the cancelled call").isZero();
        long observedAt = report.at("/probe/observedAtMillis").asLong();
        long latency = observedAt - report.get("abortAtMillis").asLong();
        assertThat(observedAt).as("the handler saw the cancellation").isPositive();
        assertThat(latency).as("ms from abort to the handler seeing it").isBetween(-50L, 1000L);
        // The SDK hands notifications to their handlers a microtask later but settles a response at once, so a
        // progress notification written just before the result can reach its handler after the call's token is gone
        // and the SDK reports it as "unknown". That is the client's ordering, not the wire's (the wire order is
        // checked by the Java SDK test); every other client error fails the test.
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> {
            if (!e.asText().startsWith("Received a progress notification for an unknown token")) {
                errors.add(e.asText());
            }
        });
        assertThat(errors).as("client errors").isEmpty();
    }
}

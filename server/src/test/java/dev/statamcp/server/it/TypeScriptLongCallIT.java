package dev.statamcp.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.interop.NodeTests;
import dev.statamcp.server.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance: the official TypeScript SDK client, with a 10 s request timeout and resetTimeoutOnProgress
 * (how clients keep long calls alive), completes a 30 s job because progress keeps arriving.
 */
class TypeScriptLongCallIT {
    @TempDir
    Path tmp;

    @Test
    void aThirtySecondJobOutlivesATenSecondTimeoutThanksToProgress() throws Exception {
        ServerFixture fixture = new ServerFixture(tmp.resolve("data")).flag("--progress-seconds", "2");
        List<String> args = new ArrayList<>(List.of("interop/ts-long-call.mjs", "30", "10000"));
        args.addAll(fixture.command());
        NodeTests.Outcome outcome = NodeTests.run(args, fixture.environment(), Duration.ofMinutes(3));
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode report = Json.parse(outcome.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.println("TypeScript long call: " + report.get("elapsedMs") + " ms, "
                + report.get("progress").size() + " progress notifications");
        assertThat(report.get("outcome").asText()).as(report.toString()).isEqualTo("result");
        assertThat(report.get("elapsedMs").asLong()).isGreaterThan(30_000);
        assertThat(report.at("/result/structuredContent/status").asText()).isEqualTo("succeeded");
        assertThat(report.at("/result/content/0/text").asText()).contains("finished");
        // No gap between progress notifications came near the 10 s timeout.
        long last = 0;
        long widest = 0;
        for (JsonNode p : report.get("progress")) {
            widest = Math.max(widest, p.get("at").asLong() - last);
            last = p.get("at").asLong();
        }
        assertThat(widest).isLessThan(10_000);
        assertThat(report.get("errors")).isEmpty();
    }
}

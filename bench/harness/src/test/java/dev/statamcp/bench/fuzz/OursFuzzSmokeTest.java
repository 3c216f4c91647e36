package dev.statamcp.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.bench.ours.OursNoopServer;
import dev.statamcp.bench.subject.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fuzz of the test suite: 1,000 malformed or mutated messages over stdio and 1,000 over Streamable HTTP to
 * the no-op server built on our {@code mcp} module. The server must not die or hang, must answer every request that
 * has an id with well-formed JSON-RPC, and must still answer a valid call afterwards. The seed is fixed so a failure
 * reproduces; {@code -Dfuzz.seed=N} tries another. The long run is {@code scripts/reliability}.
 */
class OursFuzzSmokeTest {
    private static final long SEED = Long.getLong("fuzz.seed", 8L);
    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 1_000);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path temp;

    private static List<String> ours(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OursNoopServer.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private FuzzConfig config() {
        System.out.println("fuzz seed " + SEED + ", " + MESSAGES + " messages");
        return new FuzzConfig(SEED, MESSAGES, 0, 2 << 20, 10_000, 1_000, temp.resolve("failures"));
    }

    @Test
    void oursSurvivesTheFuzzOverStdio() throws IOException {
        FuzzResult result = StdioFuzzer.run(ours("--stdio"), temp, temp.resolve("stderr.log"), config(), QUIET);

        assertThat(result.passed(false)).as(result.summary() + "\n" + result.describeFindings()).isTrue();
        assertThat(result.sent()).isEqualTo(MESSAGES);
    }

    @Test
    void oursSurvivesTheFuzzOverHttp() throws IOException {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(ours("--http", "--port", Integer.toString(port)), temp,
                temp.resolve("stderr.log"))) {
            server.awaitPort(port, 30_000);
            FuzzResult result = HttpFuzzer.run("127.0.0.1", port, "/mcp", config(), QUIET, server::isAlive);

            assertThat(result.passed(false)).as(result.summary() + "\n" + result.describeFindings()).isTrue();
            assertThat(result.sent()).isEqualTo(MESSAGES);
        }
    }
}

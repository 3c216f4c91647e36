package dev.statamcp.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.bench.subject.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer judged on a server whose behaviour is known: a correct one must come out clean (no false alarms), and
 * each way of misbehaving must be caught.
 */
class FuzzerSelfTest {
    private static final long SEED = 20261124L;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path temp;

    private static List<String> reference(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReferenceServer.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private FuzzConfig config(int messages) {
        return new FuzzConfig(SEED, messages, 0, 1 << 20, 3_000, 100, temp.resolve("failures"));
    }

    private FuzzResult stdio(int messages, String... args) throws IOException {
        return StdioFuzzer.run(reference(args), temp, temp.resolve("stderr.log"), config(messages), QUIET);
    }

    private FuzzResult http(int messages, String fault) throws IOException {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(reference("--http", Integer.toString(port), "--fault", fault),
                temp, temp.resolve("stderr.log"))) {
            server.awaitPort(port, 30_000);
            return HttpFuzzer.run("127.0.0.1", port, "/mcp", config(messages), QUIET, server::isAlive);
        }
    }

    @Test
    void aCorrectServerGivesNoFindingOverStdio() throws IOException {
        FuzzResult result = stdio(300, "--stdio");

        assertThat(result.sent()).isEqualTo(300);
        assertThat(result.findings()).as(result.describeFindings()).isEmpty();
        assertThat(result.passed(true)).isTrue();
    }

    @Test
    void aCorrectServerGivesNoFindingOverHttp() throws IOException {
        FuzzResult result = http(300, "none");

        assertThat(result.sent()).isEqualTo(300);
        assertThat(result.findings()).as(result.describeFindings()).isEmpty();
        assertThat(result.passed(true)).isTrue();
    }

    @Test
    void slowButCorrectAnswersAreLateNotMissing() throws IOException {
        FuzzResult result = stdio(150, "--stdio", "--fault", "slow-calls");

        assertThat(result.findings()).as(result.describeFindings()).isEmpty();
        assertThat(result.lateAnswers()).isPositive();
        assertThat(result.passed(true)).isTrue();
    }

    @Test
    void aServerThatDiesOnBadInputIsCaught() throws IOException {
        FuzzResult result = stdio(200, "--stdio", "--fault", "die-on-invalid");

        assertThat(result.passed(false)).isFalse();
        assertThat(result.perKind()).containsKey("FATAL DIED");
        assertThat(result.finalCheckPassed()).isFalse();
    }

    @Test
    void aServerThatStopsReadingIsCaughtAsHung() throws IOException {
        FuzzResult result = stdio(400, "--stdio", "--fault", "hang-on-deep");

        assertThat(result.perKind()).containsKey("FATAL HUNG");
        assertThat(result.passed(false)).isFalse();
    }

    @Test
    void unansweredRequestsAreCaught() throws IOException {
        FuzzResult result = stdio(150, "--stdio", "--fault", "drop-invalid");

        assertThat(result.perKind()).containsKey("BROKEN MISSING_ANSWER");
        assertThat(result.passed(false)).isFalse();
        assertThat(result.describeFindings()).contains("replay with --seed " + SEED);
    }

    @Test
    void nonJsonOnStdoutIsCaught() throws IOException {
        FuzzResult result = stdio(120, "--stdio", "--fault", "junk-stdout");

        assertThat(result.perKind()).containsKey("BROKEN NOT_JSON");
        assertThat(result.describeFindings()).contains("debug: handled 50 messages");
    }

    @Test
    void anIdChangedOnTheWayBackIsCaught() throws IOException {
        FuzzResult result = stdio(200, "--stdio", "--fault", "wrong-id");

        assertThat(result.perKind()).containsKeys("BROKEN UNEXPECTED_ID", "BROKEN MISSING_ANSWER");
    }

    @Test
    void serverErrorsOverHttpAreCaught() throws IOException {
        FuzzResult result = http(150, "500-on-batch");

        assertThat(result.perKind()).containsKey("BROKEN HTTP_5XX");
        assertThat(result.passed(false)).isFalse();
        assertThat(result.finalCheckPassed()).isTrue();
    }

    @Test
    void theSameSeedMakesTheSameMessages() {
        MessageGenerator first = new MessageGenerator(7, 1 << 20);
        MessageGenerator second = new MessageGenerator(7, 1 << 20);

        for (int i = 0; i < 300; i++) {
            assertThat(second.generate(i).bytes()).isEqualTo(first.generate(i).bytes());
        }
        assertThat(new MessageGenerator(8, 1 << 20).generate(5).bytes()).isNotEqualTo(first.generate(5).bytes());
    }
}

package dev.statamcp.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectationOracleTest {

    private static Expectation of(String text) {
        return ExpectationOracle.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestMustBeAnsweredWithItsId() {
        Expectation e = of("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");

        assertThat(e.mustAnswer()).containsExactly(Set.of("n:7"));
        assertThat(e.answerRequired()).isFalse();
    }

    @Test
    void equalNumbersAreTheSameId() {
        assertThat(of("{\"id\":7.0,\"method\":\"x\"}").mustAnswer()).containsExactly(Set.of("n:7"));
        assertThat(of("{\"id\":1e400,\"method\":\"x\"}").mustAnswer()).containsExactly(Set.of("n:1E+400"));
        assertThat(of("{\"id\":53000000,\"method\":\"x\"}").mustAnswer()).containsExactly(Set.of("n:53000000"));
    }

    @Test
    void aNotificationNeedsNoAnswer() {
        Expectation e = of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        assertThat(e.mustAnswer()).isEmpty();
        assertThat(e.answerRequired()).isFalse();
    }

    @Test
    void brokenJsonNeedsAnErrorAndIdsSeenBeforeTheBreakMayBeAnswered() {
        Expectation e = of("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"pi");

        assertThat(e.answerRequired()).isTrue();
        assertThat(e.mustAnswer()).isEmpty();
        assertThat(e.mayAnswer()).containsExactly("s:a");
    }

    @Test
    void aBadIdCallsForAnErrorWithANullId() {
        Expectation e = of("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}");

        assertThat(e.mustAnswer()).isEmpty();
        assertThat(e.answerRequired()).isTrue();
    }

    @Test
    void batchesAreReadElementByElement() {
        Expectation e = of("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"n\"},5]");

        assertThat(e.batch()).isTrue();
        assertThat(e.mustAnswer()).containsExactly(Set.of("n:1"));
        assertThat(e.answerRequired()).isTrue();
        assertThat(of("[]").answerRequired()).isTrue();
    }

    @Test
    void veryDeepNestingDoesNotOverflowTheChecker() {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":"
                + "[".repeat(200_000) + "]".repeat(200_000) + "}";

        assertThat(of(deep).mustAnswer()).containsExactly(Set.of("n:3"));
    }

    @Test
    void invalidUtf8NeedsSomeAnswerButNotNecessarilyTheId() {
        byte[] bytes = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"p\u00ffing\"}".getBytes(StandardCharsets.ISO_8859_1);

        Expectation e = ExpectationOracle.of(bytes);

        assertThat(e.answerRequired()).isTrue();
        assertThat(e.mustAnswer()).isEmpty();
        assertThat(e.mayAnswer()).contains("n:4");
    }

    @Test
    void responsesSentToTheServerNeedNoAnswer() {
        Expectation e = of("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");

        assertThat(e.mustAnswer()).isEmpty();
        assertThat(e.answerRequired()).isFalse();
    }

    @Test
    void blankLinesNeedNothing() {
        assertThat(of("  \r")).isEqualTo(Expectation.nothing());
        assertThat(StdioFuzzer.expectation("a\n{\"id\":1,\"method\":\"m\"}".getBytes(StandardCharsets.UTF_8))
                .mustAnswer()).isEqualTo(List.of(Set.of("n:1")));
    }
}

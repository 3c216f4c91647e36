package dev.statamcp.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON-RPC edge cases over stdio: each gets the right error, and the loop still answers a valid request after it. */
class StdioEdgeCaseTest {

    private static void assertStillAnswers(StdioHarness harness) throws Exception {
        harness.send("{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"ping\"}");
        JsonNode pong = harness.response(999);
        assertThat(pong.get("result").isObject()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON            | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":                     | -32700 | null",
        "not an object             | 42                                                        | -32600 | null",
        "wrong jsonrpc version     | {\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"ping\"}          | -32600 | 2",
        "missing jsonrpc           | {\"id\":3,\"method\":\"ping\"}                               | -32600 | 3",
        "missing method            | {\"jsonrpc\":\"2.0\",\"id\":4}                               | -32600 | 4",
        "method not a string       | {\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}                  | -32600 | 5",
        "unknown method            | {\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such\"}        | -32601 | 6",
        "params not an object      | {\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":[1]} | -32602 | 7",
        "invalid tool arguments    | {\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"progress_steps\",\"arguments\":{\"steps\":\"many\"}}} | -32602 | 8",
        "unknown tool              | {\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}} | -32602 | 9",
        "notification with an id   | {\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"notifications/initialized\"} | -32600 | 10",
        "null id                   | {\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}        | -32600 | null",
        "fractional id             | {\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}         | -32600 | null",
        "second initialize         | {\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}} | -32600 | 11",
        "bad log level             | {\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}} | -32602 | 12",
        "batch after 2025-06-18    | [{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"ping\"}]         | -32600 | null",
        "empty batch               | []                                                        | -32600 | null",
    })
    void edgeCaseIsAnsweredAndLoopContinues(String name, String line, int code, String id) throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            harness.send(line);
            JsonNode answer = harness.next(node -> node.has("error"));
            assertThat(answer.at("/error/code").asInt()).as(answer.toString()).isEqualTo(code);
            assertThat(answer.at("/error/message").asText()).isNotBlank();
            if ("null".equals(id)) {
                assertThat(answer.get("id").isNull()).isTrue();
            } else {
                assertThat(answer.get("id").asText()).isEqualTo(id);
            }
            assertStillAnswers(harness);
        }
    }

    @Test
    void invalidArgumentsNameTheFieldAndWhatIsExpected() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"progress_steps\","
                    + "\"arguments\":{\"steps\":\"many\"}}}");
            assertThat(harness.response(1).at("/error/message").asText())
                    .contains("'steps'").contains("must be an integer").contains("\"many\"");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"test_sampling\",\"arguments\":{}}}");
            assertThat(harness.response(2).at("/error/message").asText()).contains("'prompt'").contains("required");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"json_schema_2020_12_tool\","
                    + "\"arguments\":{\"address\":{\"city\":5},\"extra\":1}}}");
            assertThat(harness.response(3).at("/error/message").asText())
                    .contains("'address.city' must be a string").contains("'extra' is not a known parameter");
        }
    }

    @Test
    void requestBeforeInitializeIsRefusedButPingAnswers() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            JsonNode answer = harness.response(1);
            assertThat(answer.at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(answer.at("/error/message").asText()).contains("initialize");
            assertStillAnswers(harness);
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            assertThat(harness.response(2).at("/result/tools").size()).isGreaterThan(5);
        }
    }

    @Test
    void oversizeMessageIsRefusedAndTheNextLineIsRead() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.builder().maxMessageBytes(1000).build())) {
            harness.initialize();
            String big = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
            harness.send(big);
            JsonNode answer = harness.next();
            assertThat(answer.at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(answer.at("/error/message").asText()).contains("limit of 1000 bytes");
            assertStillAnswers(harness);
        }
    }

    @Test
    void bytesThatAreNotUtf8GetAParseErrorAndAnHonestReplacementCharacterIsKept() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            byte[] line = "{\"jsonrpc\":\"2.0\",\"id\":\"a?b\",\"method\":\"ping\"}\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            line[24] = (byte) 0xFF; // the '?' of the id: a byte that never occurs in UTF-8
            harness.sendRaw(line);
            JsonNode refused = harness.next();
            assertThat(refused.at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(refused.at("/error/message").asText()).contains("not valid UTF-8");
            assertThat(refused.get("id").isNull()).isTrue();
            assertStillAnswers(harness);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"a\uFFFDb\",\"method\":\"ping\"}");
            assertThat(harness.next().get("id").asText()).isEqualTo("a\uFFFDb");
        }
    }

    @Test
    void idsAreEchoedExactlyAsSent() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"method\":\"ping\"}");
            assertThat(harness.next().get("id").isTextual()).isTrue();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"method\":\"ping\"}");
            JsonNode stringSeven = harness.next();
            assertThat(stringSeven.get("id").isTextual()).isTrue();
            assertThat(stringSeven.get("id").asText()).isEqualTo("7");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":12345678901234,\"method\":\"ping\"}");
            JsonNode big = harness.next();
            assertThat(big.get("id").isIntegralNumber()).isTrue();
            assertThat(big.get("id").asLong()).isEqualTo(12345678901234L);
        }
    }

    @Test
    void batchesWorkFor2025_03_26() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize("2025-03-26");
            harness.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"test_simple_text\"}},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
            JsonNode batch = harness.next();
            assertThat(batch.isArray()).isTrue();
            assertThat(batch.size()).isEqualTo(3);
            assertStillAnswers(harness);
        }
    }

    @Test
    void invalidUtf8AndBlankLinesDoNotStopTheLoop() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            harness.sendRaw(new byte[] {'\n', '\r', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
            JsonNode answer = harness.next();
            assertThat(answer.at("/error/code").asInt()).isEqualTo(-32700);
            harness.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"ü\",\"method\":\"ping\"}\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(harness.next().get("id").asText()).isEqualTo("ü");
        }
    }

    @Test
    void nestingAndNumbersBeyondTheParsersLimitsAreParseErrorsNotACrash() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            String deep = "[".repeat(1_500) + "]".repeat(1_500);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"deep\",\"method\":\"ping\",\"params\":{\"x\":" + deep + "}}");
            assertThat(harness.next().at("/error/code").asInt()).isEqualTo(-32700);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":{\"x\":"
                    + "9".repeat(1_500) + "}}");
            assertThat(harness.next().at("/error/code").asInt()).isEqualTo(-32700);
            assertStillAnswers(harness);
        }
    }
}

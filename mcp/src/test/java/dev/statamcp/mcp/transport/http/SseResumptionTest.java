package dev.statamcp.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client drops the SSE stream in the middle of a tool call, reconnects with {@code Last-Event-ID}, and receives
 * the progress it missed and the final result, with no event twice.
 */
class SseResumptionTest {

    @Test
    void reconnectWithLastEventIdReplaysMissedProgressAndResult() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            HttpResponse<InputStream> post = client.postStream("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"progress_steps\",\"arguments\":{\"steps\":10,\"delayMs\":60},\"_meta\":{\"progressToken\":\"p\"}}}");
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

            List<Double> progress = new ArrayList<>();
            Set<String> eventIds = new HashSet<>();
            String lastEventId;
            try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(post.body())) {
                RawHttpClient.Event priming = reader.next();
                assertThat(priming.id()).as("priming event id").isNotBlank();
                assertThat(priming.data()).isBlank();
                lastEventId = priming.id();
                while (progress.size() < 3) {
                    RawHttpClient.Event event = reader.nextMessage();
                    assertThat(eventIds.add(event.id())).isTrue();
                    lastEventId = event.id();
                    JsonNode message = event.json();
                    if ("notifications/progress".equals(message.path("method").asText())) {
                        progress.add(message.at("/params/progress").asDouble());
                    }
                }
            } // the connection drops here, mid-call
            Thread.sleep(250); // the tool keeps running and reporting meanwhile

            HttpResponse<InputStream> resumed = client.get(Map.of("Last-Event-ID", lastEventId));
            assertThat(resumed.statusCode()).isEqualTo(200);
            JsonNode result = null;
            try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(resumed.body())) {
                RawHttpClient.Event event;
                while ((event = reader.nextMessage()) != null) {
                    assertThat(eventIds.add(event.id())).as("event " + event.id() + " delivered twice").isTrue();
                    JsonNode message = event.json();
                    if ("notifications/progress".equals(message.path("method").asText())) {
                        progress.add(message.at("/params/progress").asDouble());
                    } else if (message.path("id").asInt() == 7) {
                        result = message;
                    }
                }
            }
            assertThat(progress).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
            assertThat(result).as("final result after reconnect").isNotNull();
            assertThat(result.at("/result/content/0/text").asText()).isEqualTo("completed 10 steps");
        }
    }

    @Test
    void eventIdsAreUniqueAcrossStreamsOfASession() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            Set<String> ids = new HashSet<>();
            for (int call = 1; call <= 3; call++) {
                HttpResponse<InputStream> post = client.postStream("{\"jsonrpc\":\"2.0\",\"id\":" + call + ",\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"progress_steps\",\"arguments\":{\"steps\":2,\"delayMs\":1},\"_meta\":{\"progressToken\":1}}}");
                try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(post.body())) {
                    RawHttpClient.Event event;
                    while ((event = reader.next()) != null) {
                        assertThat(ids.add(event.id())).as("duplicate id " + event.id()).isTrue();
                    }
                }
            }
            assertThat(ids).hasSizeGreaterThanOrEqualTo(3 * 4);
        }
    }
}

package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The JSON-RPC messages inside an HTTP response body: a JSON body, or the data of each server-sent event. */
public final class HttpMessages {
    private HttpMessages() {
    }

    /** The data payloads as text, one per message: the whole body, or each SSE event's joined data lines. */
    public static List<String> payloads(HttpReply reply) {
        List<String> payloads = new ArrayList<>();
        if (reply.isEventStream()) {
            StringBuilder data = null;
            for (String line : new String(reply.body(), StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)) {
                if (line.isEmpty()) {
                    if (data != null) {
                        payloads.add(data.toString());
                    }
                    data = null;
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            if (data != null) {
                payloads.add(data.toString());
            }
        } else if (reply.body().length > 0) {
            payloads.add(new String(reply.body(), StandardCharsets.UTF_8));
        }
        return payloads;
    }

    /** The messages, parsed; an empty SSE data payload (a priming event) is skipped. */
    public static List<JsonNode> parse(HttpReply reply) throws IOException {
        List<JsonNode> messages = new ArrayList<>();
        for (String payload : payloads(reply)) {
            if (payload.isBlank()) {
                continue;
            }
            JsonNode node = JsonRpc.parse(payload);
            if (node.isArray()) {
                node.forEach(messages::add);
            } else {
                messages.add(node);
            }
        }
        return messages;
    }
}

package dev.statamcp.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** One HTTP response as read off the wire; header names are lower case. */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public boolean isJson() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

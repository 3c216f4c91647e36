package dev.statamcp.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One API request being answered: its parameters and body, and the ways to answer it (exactly once). */
public final class Exchange {
    /** Request bodies are small JSON documents; anything larger is refused unread. */
    static final int MAX_BODY = 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> params;
    private Fields query;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.params = params;
    }

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    /** A path parameter of the route's template. */
    public String param(String name) {
        return params.get(name);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        return query.getValue(name);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** An integer query parameter within bounds, or the default when absent. */
    public int intQuery(String name, int dflt, int min, int max) {
        String v = query(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    public boolean boolQuery(String name) {
        String v = query(name);
        return v != null && (v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public ObjectNode jsonBody() throws IOException {
        String type = header("Content-Type");
        long length = request.getLength();
        if (length > MAX_BODY) {
            throw new ApiException(413, "too_large", "the request body is over " + MAX_BODY + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, "too_large", "the request body is over " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            return Json.object();
        }
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send the body as JSON (Content-Type:"
                    + " application/json), not " + type);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    boolean answered() {
        return answered;
    }

    /** Answers with a JSON document. */
    public void json(int status, JsonNode body) {
        send(status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with stored JSON text as it is. */
    public void rawJson(int status, String body) {
        send(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public void error(int status, String error, String message) {
        json(status, Json.object().put("error", error).put("message", message));
    }

    public void noContent() {
        answered = true;
        response.setStatus(204);
        callback.succeeded();
    }

    public void send(int status, String contentType, byte[] body) {
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType.startsWith("application/json")
                || contentType.startsWith("text/") ? contentType + "; charset=utf-8" : contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Answers with a body written by the caller through a blocking stream (SSE, large files). Headers must be set
     * before the first write; the exchange is complete when this returns or throws.
     */
    public void stream(int status, String contentType, StreamBody body) throws Exception {
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            body.write(out);
        } catch (IOException e) {
            // The client went away; nothing more to say to it.
            callback.failed(e);
            return;
        } catch (Exception e) {
            callback.failed(e);
            throw e;
        }
        callback.succeeded();
    }

    /** Writes a streamed body. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws Exception;
    }
}

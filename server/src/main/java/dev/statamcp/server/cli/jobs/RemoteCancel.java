package dev.statamcp.server.cli.jobs;

import dev.statamcp.server.jobs.JobId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a running HTTP server to cancel one of its jobs: {@code POST /api/jobs/{id}/cancel}. */
public final class RemoteCancel {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the server answered, in words, and whether it took the request. */
    public record Answer(boolean accepted, String explanation) {
    }

    public Answer cancel(URI baseUri, JobId id, String token) throws InterruptedException {
        URI uri = baseUri.resolve("/api/jobs/" + id.value() + "/cancel");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"cancelled with stata-mcp jobs cancel\"}"));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(false, "the server at " + baseUri + " did not answer (" + e.getMessage() + ")");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(true, "the server at " + baseUri + " accepted the cancel request");
        }
        if (status == 401 || status == 403) {
            return new Answer(false, "the server at " + baseUri + " refused the request (HTTP " + status
                    + "): give its token with --token or STATA_MCP_TOKEN");
        }
        if (status == 404) {
            return new Answer(false, "the server at " + baseUri + " has no " + uri.getPath()
                    + " (HTTP 404): it may be an older stata-mcp without the REST API");
        }
        return new Answer(false, "the server at " + baseUri + " answered HTTP " + status + ": "
                + abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}

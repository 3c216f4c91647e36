package dev.statamcp.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** A further token source (a browser cookie) is compared like the bearer token, and only where it speaks. */
class TokenSourceTest {

    @Test
    void aTokenSourceIsCheckedLikeTheBearerTokenAndOnlyWhereItApplies() throws Exception {
        try (HttpServerHost host = new HttpServerHost(HttpServerHost.Config.loopback(0).withToken("s3cret"))) {
            host.addHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    response.setStatus(200);
                    response.write(true, ByteBuffer.wrap("ok".getBytes()), callback);
                    return true;
                }
            });
            // Speaks only for /api paths: elsewhere the cookie is ignored.
            host.acceptTokenFrom(request -> Request.getPathInContext(request).startsWith("/api/")
                    ? cookie(request.getHeaders().get("Cookie")) : null);
            host.start();
            URI api = URI.create(host.baseUri() + "/api/jobs");
            URI mcp = URI.create(host.baseUri() + "/mcp");
            assertThat(status(api, Map.of())).isEqualTo(401);
            assertThat(status(api, Map.of("Cookie", "t=wrong"))).isEqualTo(401);
            assertThat(status(api, Map.of("Cookie", "t=s3cre"))).as("a prefix is not the token").isEqualTo(401);
            assertThat(status(api, Map.of("Cookie", "t=s3cret"))).isEqualTo(200);
            assertThat(status(api, Map.of("Authorization", "Bearer s3cret"))).isEqualTo(200);
            assertThat(status(mcp, Map.of("Cookie", "t=s3cret"))).as("the source does not speak for /mcp").isEqualTo(401);
            assertThat(status(api, Map.of("Cookie", "t=s3cret", "Origin", "http://evil.example.com")))
                    .as("the Origin check still applies").isEqualTo(403);
        }
    }

    @Test
    void withoutAConfiguredTokenASourceChangesNothing() throws Exception {
        try (HttpServerHost host = new HttpServerHost(HttpServerHost.Config.loopback(0))) {
            host.addHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    response.setStatus(204);
                    callback.succeeded();
                    return true;
                }
            });
            host.acceptTokenFrom(request -> "anything");
            host.start();
            assertThat(status(URI.create(host.baseUri() + "/x"), Map.of())).isEqualTo(204);
        }
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                return p.substring(2);
            }
        }
        return null;
    }

    private static int status(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        return RawHttpClient.HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package dev.statamcp.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a token: every path wants it; a browser gets in once through {@code /?token=} and then carries it in a
 * cookie that only the dashboard and the API accept, and only from the dashboard's own scripts for changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserAccessTest {
    static final String TOKEN = "t0k3n/with+odd=chars";
    static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    RestServer server;
    String cookie;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = RestServer.start(dir, TOKEN);
        cookie = "stata_mcp_token_" + server.host.port() + "=" + java.net.URLEncoder.encode(TOKEN,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    int status(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"code\": \"display 1\"}")
                : HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json");
        }
        return NO_REDIRECTS.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void withoutTheTokenNothingAnswers() throws Exception {
        assertThat(status("GET", "/", Map.of())).isEqualTo(401);
        assertThat(status("GET", "/api/jobs", Map.of())).isEqualTo(401);
        assertThat(status("GET", "/app.js", Map.of())).isEqualTo(401);
        assertThat(status("GET", "/api/health", Map.of("Authorization", "Bearer wrong"))).isEqualTo(401);
        assertThat(status("GET", "/?token=wrong", Map.of())).isEqualTo(401);
        assertThat(status("GET", "/api/jobs?token=" + TOKEN, Map.of())).as("the query token is for / only")
                .isEqualTo(401);
        assertThat(status("GET", "/api/health", Map.of("Authorization", "Bearer " + TOKEN))).isEqualTo(200);
    }

    @Test
    void theLoginLinkSetsAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress() throws Exception {
        String link = "/?token=" + java.net.URLEncoder.encode(TOKEN, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<Void> login = NO_REDIRECTS.send(HttpRequest.newBuilder(server.uri(link)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(cookie + ";").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
    }

    @Test
    void theCookieOpensTheDashboardAndTheApiButNotMcpAndChangesNeedTheScriptHeader() throws Exception {
        Map<String, String> withCookie = Map.of("Cookie", cookie);
        assertThat(status("GET", "/", withCookie)).isEqualTo(200);
        assertThat(status("GET", "/app.js", withCookie)).isEqualTo(200);
        assertThat(status("GET", "/api/jobs", withCookie)).isEqualTo(200);
        assertThat(status("GET", "/api/health", Map.of("Cookie", "stata_mcp_token_1=" + TOKEN)))
                .as("another port's cookie").isEqualTo(401);
        assertThat(status("POST", "/mcp", withCookie)).as("MCP clients send the header").isEqualTo(401);
        assertThat(status("POST", "/api/jobs", withCookie)).as("a change without the script header")
                .isEqualTo(401);
        assertThat(status("POST", "/api/jobs", Map.of("Cookie", cookie, "X-Requested-With", "stata-mcp-dashboard")))
                .isEqualTo(202);
        assertThat(status("POST", "/api/jobs", Map.of("Cookie", cookie, "X-Requested-With", "stata-mcp-dashboard",
                "Origin", "http://evil.example"))).as("a foreign origin").isEqualTo(403);
    }
}

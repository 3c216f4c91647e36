package dev.statamcp.server.web;

import dev.statamcp.server.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web dashboard: plain HTML, CSS and JavaScript files from the jar ({@code /web/}), no build step and nothing
 * fetched from elsewhere, so it works offline. {@code GET /?token=...} is the browser's way in when the server has a
 * token (see {@link BrowserLogin}). Mounted last: it answers whatever {@code /mcp} and {@code /api/} did not.
 */
public final class Dashboard extends Handler.Abstract {
    /** The files the dashboard is made of; nothing else under {@code /web/} is served. */
    static final String[] FILES = {"index.html", "app.css", "app.js", "favicon.svg"};
    private static final Pattern NAME = Pattern.compile("^/[a-z0-9._-]+$");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private record StaticFile(String type, byte[] bytes) {
    }

    private final Map<String, StaticFile> files = new HashMap<>();
    private final boolean tokenRequired;

    /** @param tokenRequired whether the server checks a token (then {@code /?token=} sets the browser's cookie) */
    public Dashboard(boolean tokenRequired) {
        this.tokenRequired = tokenRequired;
        for (String name : FILES) {
            try (InputStream in = Dashboard.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard file web/" + name + " is missing from the jar");
                }
                files.put("/" + name, new StaticFile(type(name), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return deny(response, callback, 405, "method_not_allowed", method + " is not allowed on " + path);
        }
        if (path.equals("/") && BrowserLogin.queryToken(request) != null) {
            // Reaching here means the token passed the server's check. Keep it in a cookie, drop it from the URL.
            if (tokenRequired) {
                response.getHeaders().add(HttpHeader.SET_COOKIE, BrowserLogin.setCookie(Request.getLocalPort(request),
                        BrowserLogin.queryToken(request)));
            }
            response.setStatus(303);
            response.getHeaders().put(HttpHeader.LOCATION, "/");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            callback.succeeded();
            return true;
        }
        StaticFile file = NAME.matcher(path).matches() || path.equals("/")
                ? files.get(path.equals("/") ? "/index.html" : path) : null;
        if (file == null) {
            return deny(response, callback, 404, "not_found", "nothing at " + path + " (the dashboard is at /, the"
                    + " API under /api/, MCP at /mcp)");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.type());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (file.type().startsWith("text/html")) {
            response.getHeaders().put("Content-Security-Policy", CSP);
            response.getHeaders().put("X-Frame-Options", "DENY");
        }
        response.write(true, ByteBuffer.wrap(file.bytes()), callback);
        return true;
    }

    private static boolean deny(Response response, Callback callback, int status, String error, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.write(Json.object().put("error", error).put("message", message))
                .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}

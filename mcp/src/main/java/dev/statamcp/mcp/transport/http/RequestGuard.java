package dev.statamcp.mcp.transport.http;

import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Checks every request before any handler sees it: the Host header (DNS rebinding, 421), the Origin header when a
 * browser sends one (403), and the bearer token when one is configured (401).
 */
final class RequestGuard extends Handler.Wrapper {
    private final Set<String> allowedHosts;
    private final boolean checkHost;
    private final Set<String> allowedOrigins;
    private final byte[] token;
    private final List<Function<Request, String>> tokenSources = new CopyOnWriteArrayList<>();

    /**
     * @param allowedHosts   host names (without port) accepted in Host and Origin headers
     * @param checkHost      false when bound to a wildcard address without an explicit host list
     * @param allowedOrigins full origins accepted besides those on allowed hosts (e.g. {@code https://app.example})
     * @param token          the bearer token every request must carry, or null
     */
    RequestGuard(Handler handler, Set<String> allowedHosts, boolean checkHost, Set<String> allowedOrigins, String token) {
        super(handler);
        this.allowedHosts = allowedHosts;
        this.checkHost = checkHost;
        this.allowedOrigins = allowedOrigins;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get("Host");
        if (checkHost && (host == null || !allowedHosts.contains(hostName(host)))) {
            deny(response, callback, 421, "Misdirected Request: Host '" + host + "' is not served here"
                    + " (this protects local servers from DNS rebinding; add the host to the allowed hosts if it is yours)");
            return true;
        }
        String origin = request.getHeaders().get("Origin");
        if (origin != null && !originAllowed(origin)) {
            deny(response, callback, 403, "Forbidden: requests from origin '" + origin + "' are not allowed");
            return true;
        }
        if (token != null && !tokenMatches(request.getHeaders().get("Authorization")) && !otherSourceMatches(request)) {
            response.getHeaders().put("WWW-Authenticate", "Bearer");
            deny(response, callback, 401, "Unauthorized: send the server's token as 'Authorization: Bearer <token>'");
            return true;
        }
        return super.handle(request, response, callback);
    }

    private boolean originAllowed(String origin) {
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI uri = new URI(origin);
            String originHost = uri.getHost();
            return originHost != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && (allowedHosts.contains(normalise(originHost)) || !checkHost);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** See {@link HttpServerHost#acceptTokenFrom}. */
    void addTokenSource(Function<Request, String> source) {
        tokenSources.add(source);
    }

    private boolean otherSourceMatches(Request request) {
        for (Function<Request, String> source : tokenSources) {
            String given = source.apply(request);
            if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
                return true;
            }
        }
        return false;
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /** The host part of a Host header: {@code [::1]:8080 -> ::1}, {@code localhost:80 -> localhost}. */
    static String hostName(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return normalise(end > 0 ? value.substring(1, end) : value);
        }
        int colon = value.lastIndexOf(':');
        return normalise(colon >= 0 && value.indexOf(':') == colon ? value.substring(0, colon) : value);
    }

    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static void deny(Response response, Callback callback, int status, String message) {
        McpHttpHandler.writeJson(response, callback, status, Messages.error(null, JsonRpcError.of(-32000, message)));
    }
}

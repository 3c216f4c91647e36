package dev.statamcp.server.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * How a browser carries the server's token. A browser cannot add an {@code Authorization} header to an
 * {@code <img>} or an {@code EventSource}, so the person opens {@code /?token=...} once; the server (after checking
 * the token like any other) sets it in an HttpOnly, SameSite=Strict cookie and redirects to {@code /}, so the token
 * leaves the address bar. The cookie is then accepted:
 * <ul>
 *   <li>only for the dashboard and {@code /api/} — never for {@code /mcp}, whose clients send the header;</li>
 *   <li>for requests that change something (POST, DELETE) only with the {@code X-Requested-With} header the
 *       dashboard's scripts send: a form or link on another site cannot add it (on top of SameSite=Strict, which
 *       keeps the cookie off cross-site requests, and the Origin check every request passes).</li>
 * </ul>
 * The {@code token} query parameter is accepted on {@code GET /} alone. Everything else keeps the bearer-header check.
 */
public final class BrowserLogin {
    /** The header the dashboard's scripts send with requests that change something. */
    public static final String SCRIPT_HEADER = "X-Requested-With";
    static final String SCRIPT_HEADER_VALUE = "stata-mcp-dashboard";
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private BrowserLogin() {
    }

    /** The cookie's name: one per port, so two servers on one machine do not overwrite each other's. */
    static String cookieName(int port) {
        return "stata_mcp_token_" + port;
    }

    /** The token this request carries for the browser way in, or null (the guard then wants the header). */
    public static String token(Request request) {
        String path = Request.getPathInContext(request);
        if (path.equals("/mcp") || path.startsWith("/mcp/")) {
            return null;
        }
        String method = request.getMethod();
        if (SAFE.contains(method) && path.equals("/")) {
            String fromQuery = queryToken(request);
            if (fromQuery != null) {
                return fromQuery;
            }
        }
        if (!SAFE.contains(method) && !SCRIPT_HEADER_VALUE.equals(request.getHeaders().get(SCRIPT_HEADER))) {
            return null;
        }
        return cookie(request.getHeaders().getValuesList("Cookie"), cookieName(Request.getLocalPort(request)));
    }

    static String queryToken(Request request) {
        if (request.getHttpURI().getQuery() == null) {
            return null;
        }
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        String value = query.getValue("token");
        return value == null || value.isEmpty() ? null : value;
    }

    /** The Set-Cookie value that lets this browser in from now on (until it is closed). */
    static String setCookie(int port, String token) {
        return cookieName(port) + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "; Path=/; HttpOnly; SameSite=Strict";
    }

    static String cookie(Iterable<String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    try {
                        return URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException malformed) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}

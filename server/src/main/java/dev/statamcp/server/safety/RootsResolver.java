package dev.statamcp.server.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.session.ClientSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allowed folders for a tool call: the client's MCP roots when it offers them (asked once per session and
 * again after {@code notifications/roots/list_changed}), else the configured workspace folders plus the server's
 * working folder.
 */
public final class RootsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(RootsResolver.class);
    private static final String ATTRIBUTE = "stata-mcp.roots";

    private final PathPolicy fallback;

    public RootsResolver(List<Path> workspace, Path serverCwd) {
        List<Path> roots = new ArrayList<>(workspace);
        roots.add(serverCwd);
        this.fallback = new PathPolicy(roots);
    }

    /** The policy used when no client roots apply (the REST API, the CLI, clients without roots). */
    public PathPolicy fallback() {
        return fallback;
    }

    public PathPolicy policyFor(RequestContext context) {
        ClientSession session = context.session();
        if (session == null || !session.clientSupports("roots")) {
            return fallback;
        }
        Object cached = session.attribute(ATTRIBUTE);
        if (cached instanceof PathPolicy policy) {
            return policy;
        }
        try {
            JsonNode answer = context.listRoots().get(10, TimeUnit.SECONDS);
            List<Path> roots = new ArrayList<>();
            for (JsonNode root : answer.path("roots")) {
                String uri = root.path("uri").asText("");
                if (uri.startsWith("file:")) {
                    roots.add(Path.of(URI.create(uri)));
                }
            }
            if (roots.isEmpty()) {
                return fallback; // a client that lists no roots has not chosen any: the configured ones apply
            }
            PathPolicy policy = new PathPolicy(roots);
            session.attribute(ATTRIBUTE, policy);
            return policy;
        } catch (Exception e) {
            LOG.info("the client did not list its roots ({}); using the configured folders", e.toString());
            return fallback;
        }
    }

    /** Forgets a session's roots after it told us they changed. */
    public static void forget(ClientSession session) {
        session.attribute(ATTRIBUTE, null);
    }
}

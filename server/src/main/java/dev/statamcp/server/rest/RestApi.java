package dev.statamcp.server.rest;

import dev.statamcp.server.rest.events.AllJobsStream;
import dev.statamcp.server.rest.events.JobEventStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST + SSE API under {@code /api/}, mounted beside {@code /mcp} on the same Jetty server and so behind the
 * same Host, Origin and token checks. Errors are {@code {"error", "message"}} with a fitting status, never a stack
 * trace. Every route is listed in {@code /api/openapi.json}.
 */
public final class RestApi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    public static final String PREFIX = "/api/";

    private final List<Route> routes;

    public RestApi(ApiContext context) {
        List<Route> all = new ArrayList<>();
        all.add(new Route("GET", "/api/health", new HealthRoute(context)));
        all.add(new Route("GET", "/api/openapi.json", OpenApiRoute::serve));
        all.addAll(new SessionRoutes(context).routes());
        all.addAll(new JobRoutes(context).routes());
        all.add(new Route("GET", "/api/jobs/{id}/events", new JobEventStream(context, this::isRunning)::serve));
        all.add(new Route("GET", "/api/events", new AllJobsStream(context, this::isRunning)::serve));
        this.routes = List.copyOf(all);
    }

    /** Every route (method and template), for the OpenAPI check. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX) && !path.equals("/api")) {
            return false;
        }
        String method = request.getMethod();
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method) || (method.equals("HEAD") && route.method().equals("GET"))) {
                run(route, new Exchange(request, response, callback, params.get()));
                return true;
            }
            allowed.add(route.method());
        }
        Exchange exchange = new Exchange(request, response, callback, Map.of());
        if (!allowed.isEmpty()) {
            response.getHeaders().put("Allow", String.join(", ", allowed));
            exchange.error(405, "method_not_allowed", method + " is not allowed on " + path + "; use "
                    + String.join(" or ", allowed));
        } else {
            exchange.error(404, "not_found", "no API endpoint at " + path + "; /api/openapi.json lists them all");
        }
        return true;
    }

    private void run(Route route, Exchange exchange) {
        try {
            route.handler().handle(exchange);
        } catch (ApiException e) {
            reply(exchange, e.status(), e.error(), e.getMessage());
        } catch (Exception e) {
            ApiException mapped = ApiErrors.map(e);
            if (mapped.status() >= 500) {
                LOG.warn("{} {} failed", exchange.request().getMethod(), route.template(), e);
            }
            reply(exchange, mapped.status(), mapped.error(), mapped.getMessage());
        }
    }

    private static void reply(Exchange exchange, int status, String error, String message) {
        if (exchange.answered()) {
            LOG.debug("error after the answer started: {}", message);
            return;
        }
        exchange.error(status, error, message);
    }
}

package dev.statamcp.server.web;

import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.server.rest.ApiContext;
import dev.statamcp.server.rest.RestApi;

/** Puts the REST API and the dashboard on the HTTP server beside {@code /mcp}, with the browser's way in. */
public final class WebMount {
    private WebMount() {
    }

    /**
     * @param tokenRequired whether the server was started with a token
     * @return the mounted API (its routes are what {@code /api/openapi.json} describes)
     */
    public static RestApi mount(HttpServerHost host, ApiContext context, boolean tokenRequired) {
        RestApi api = new RestApi(context);
        host.addHandler(api);
        host.addHandler(new Dashboard(tokenRequired));
        host.acceptTokenFrom(BrowserLogin::token);
        return api;
    }
}

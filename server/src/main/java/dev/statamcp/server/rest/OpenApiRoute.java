package dev.statamcp.server.rest;

import java.io.IOException;
import java.io.InputStream;

/** {@code GET /api/openapi.json}: the API described as OpenAPI 3.1, kept beside the dashboard's files in the jar. */
final class OpenApiRoute {
    static final String RESOURCE = "/web/openapi.json";

    private OpenApiRoute() {
    }

    static void serve(Exchange ex) throws IOException {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ApiException(500, "internal", "the OpenAPI document is missing from the jar");
            }
            ex.send(200, "application/json", in.readAllBytes());
        }
    }
}

package dev.statamcp.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the API serves, and its references resolve. */
class OpenApiDocumentTest {

    static JsonNode document() throws Exception {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(OpenApiRoute.RESOURCE)) {
            assertThat(in).as("the OpenAPI document in the jar").isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }

    static List<Route> routes() {
        ApiContext unused = new ApiContext(() -> {
            throw new AssertionError("not used");
        }, () -> {
            throw new AssertionError("not used");
        }, () -> {
            throw new AssertionError("not used");
        }, null, Clock.systemUTC(), "test");
        return new RestApi(unused).routes();
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationIsServed() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> served = new HashSet<>();
        for (Route r : routes()) {
            served.add(r.method() + " " + r.template());
        }
        Set<String> described = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).as("described in /api/openapi.json").containsExactlyInAnyOrderElementsOf(served);
        assertThat(served).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void operationsHaveIdsAndResponsesAndEveryReferenceResolves() throws Exception {
        JsonNode doc = document();
        Set<String> ids = new HashSet<>();
        doc.get("paths").forEach(path -> path.forEach(op -> {
            assertThat(op.get("operationId").asText()).isNotBlank();
            assertThat(ids.add(op.get("operationId").asText())).as("unique operationId").isTrue();
            assertThat(op.get("responses").size()).isPositive();
            assertThat(op.get("responses").has("401")).as("token failures are described").isTrue();
        }));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("reference %s", ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}

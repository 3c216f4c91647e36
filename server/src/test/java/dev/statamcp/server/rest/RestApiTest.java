package dev.statamcp.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The REST + SSE API against the real server running jobs on the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {
    Path dir;
    RestServer server;

    /** A job of many top-level commands (so progress moves) that draws a graph first. */
    static String steps(int n, int sleepMs) {
        StringBuilder code = new StringBuilder("sysuse auto, clear\nscatter price mpg\n");
        for (int i = 1; i <= n; i++) {
            code.append("display \"step ").append(i).append("\"\n");
            if (sleepMs > 0) {
                code.append("sleep ").append(sleepMs).append('\n');
            }
        }
        return code.toString();
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = RestServer.start(dir, null);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    SseClient events(String id, String lastEventId, String query) throws Exception {
        HttpRequest.Builder b = server.request("/api/jobs/" + id + "/events" + (query == null ? "" : "?" + query));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(b.GET().build());
    }

    static List<String> lineTexts(List<SseClient.Event> events) {
        List<String> out = new ArrayList<>();
        for (SseClient.Event e : events) {
            if (e.type().equals("line")) {
                out.add(e.json().get("text").asText());
            }
        }
        return out;
    }

    @Test
    void aJobStartedOverRestStreamsItsLifeAndLeavesResultLogAndGraph() throws Exception {
        HttpResponse<String> accepted = server.post("/api/jobs", RestServer.codeJob(steps(5, 150)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = Json.parse(accepted.body());
        String id = job.get("job_id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/jobs/" + id);
        assertThat(job.get("origin").asText()).isEqualTo("rest");
        assertThat(job.at("/links/events").asText()).isEqualTo("/api/jobs/" + id + "/events");

        List<SseClient.Event> seen;
        try (SseClient sse = events(id, null, null)) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            seen = sse.until("finished", 60);
            assertThat(sse.next(5)).isEqualTo(SseClient.END_OF_STREAM); // the stream ends after finished
        }
        assertThat(seen.get(0).type()).isEqualTo("started");
        assertThat(seen.get(seen.size() - 1).type()).isEqualTo("finished");
        assertThat(seen.get(seen.size() - 1).id()).isEqualTo("end");
        assertThat(seen.get(seen.size() - 1).json().get("status").asText()).isEqualTo("succeeded");
        assertThat(lineTexts(seen)).containsSubsequence(". sysuse auto, clear", "(1978 automobile data)",
                ". scatter price mpg", ". display \"step 1\"", "step 1", "step 5");
        assertThat(lineTexts(seen)).noneMatch(t -> t.contains("__SMCP_") || t.contains("capture noisily include"))
                .doesNotContain("end of do-file");
        // Ids are byte offsets in the log and never go back.
        long previous = -1;
        for (SseClient.Event e : seen.subList(0, seen.size() - 1)) {
            long offset = Long.parseLong(e.id());
            assertThat(offset).isGreaterThanOrEqualTo(previous);
            previous = offset;
        }
        JsonNode lastProgress = null;
        for (SseClient.Event e : seen) {
            if (e.type().equals("progress")) {
                lastProgress = e.json();
            }
        }
        assertThat(lastProgress).as("progress events").isNotNull();
        assertThat(lastProgress.get("commands_total").asInt()).isEqualTo(12);

        JsonNode ended = server.getJson("/api/jobs/" + id);
        assertThat(ended.get("status").asText()).isEqualTo("succeeded");
        assertThat(ended.get("rc").asInt()).isZero();
        assertThat(ended.get("percent").asDouble()).isEqualTo(100.0);

        JsonNode result = server.getJson("/api/jobs/" + id + "/result");
        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.at("/content/0/text").asText()).contains("step 5");

        JsonNode tail = server.getJson("/api/jobs/" + id + "/log?tail=3");
        assertThat(tail.get("lines").findValuesAsText("text")).containsExactly("step 5", "", ". sleep 150");
        assertThat(tail.get("complete").asBoolean()).isTrue();
        JsonNode range = server.getJson("/api/jobs/" + id + "/log?offset=0&limit=100000");
        assertThat(range.get("lines").findValuesAsText("text")).isEqualTo(lineTexts(seen));
        JsonNode raw = server.getJson("/api/jobs/" + id + "/log?raw=true&limit=1000000");
        assertThat(raw.get("lines").findValuesAsText("text")).anyMatch(t -> t.contains("__SMCP_END_"));
        HttpResponse<String> text = server.get("/api/jobs/" + id + "/log.txt");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).contains("step 3").contains("__SMCP_END_");

        JsonNode graphs = server.getJson("/api/jobs/" + id + "/graphs");
        assertThat(graphs.get("graphs").findValuesAsText("file")).containsExactly("Graph.png");
        String url = graphs.at("/graphs/0/url").asText();
        HttpResponse<byte[]> png = RestServer.HTTP.send(server.request(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(server.get("/api/jobs/" + id + "/graphs/..%2Fstata.log").statusCode()).isIn(400, 404);
        assertThat(server.get("/api/jobs/" + id + "/graphs/nope.png").statusCode()).isEqualTo(404);

        // An ended job sends its lines and its end at once; after the end, a reconnect is told there is no more.
        try (SseClient again = events(id, null, "from=end")) {
            List<SseClient.Event> quick = again.until("finished", 10);
            assertThat(quick).extracting(SseClient.Event::type).containsExactly("started", "finished");
        }
        try (SseClient after = events(id, "end", null)) {
            assertThat(after.status).isEqualTo(204);
        }
    }

    @Test
    void aDroppedStreamResumesWithLastEventIdWithoutLosingOrRepeatingLines() throws Exception {
        String id = server.startJob(RestServer.codeJob(steps(12, 200)));
        List<String> lines = new ArrayList<>();
        String lastId;
        try (SseClient first = events(id, null, null)) {
            List<SseClient.Event> part = new ArrayList<>();
            while (lineTexts(part).size() < 6) {
                SseClient.Event e = first.next(30);
                assertThat(e.type()).isNotEqualTo("finished");
                part.add(e);
            }
            lines.addAll(lineTexts(part));
            lastId = part.get(part.size() - 1).id();
        }
        Thread.sleep(700); // the job goes on while nobody listens
        try (SseClient second = events(id, lastId, null)) {
            List<SseClient.Event> rest = second.until("finished", 60);
            assertThat(rest).extracting(SseClient.Event::type).doesNotContain("started");
            lines.addAll(lineTexts(rest));
        }
        JsonNode whole = server.getJson("/api/jobs/" + id + "/log?limit=1000000");
        assertThat(lines).isEqualTo(whole.get("lines").findValuesAsText("text"));
        assertThat(lines).contains("step 12");
    }

    @Test
    void cancellingAJobEndsItCancelledWithItsPartialLog() throws Exception {
        String id = server.startJob(RestServer.codeJob(steps(200, 300)));
        try (SseClient sse = events(id, null, null)) {
            sse.until("started", 60);
            List<SseClient.Event> seen = new ArrayList<>();
            while (!lineTexts(seen).contains("step 2")) {
                seen.add(sse.next(30));
            }
            HttpResponse<String> cancel = server.post("/api/jobs/" + id + "/cancel", "{\"reason\": \"enough\"}");
            assertThat(cancel.statusCode()).isIn(200, 202);
            List<SseClient.Event> rest = sse.until("finished", 30);
            JsonNode finished = rest.get(rest.size() - 1).json();
            assertThat(finished.get("status").asText()).isEqualTo("cancelled");
            assertThat(finished.get("reason").asText()).isEqualTo("enough");
        }
        JsonNode job = server.getJson("/api/jobs/" + id);
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        assertThat(server.getJson("/api/jobs/" + id + "/log?tail=50").get("lines").findValuesAsText("text"))
                .contains("step 2").doesNotContain("step 200");
        // Cancelling an ended job changes nothing.
        HttpResponse<String> again = server.post("/api/jobs/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void doFilesMustLieInTheAllowedFoldersAndShellEscapesAreRefused() throws Exception {
        Path doFile = server.workspace.resolve("analysis.do");
        Files.writeString(doFile, "args who\ndisplay \"hello `who'\"\n");
        String id = server.startJob("{\"path\": \"analysis.do\", \"args\": [\"world\"]}");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.getJson("/api/jobs/" + id).get("status")
                .asText().equals("succeeded"));
        assertThat(server.getJson("/api/jobs/" + id + "/log").get("lines").findValuesAsText("text"))
                .contains("hello world");

        Path outside = Files.writeString(dir.resolve("outside.do"), "display 1\n");
        HttpResponse<String> refused = server.post("/api/jobs", Json.write(Json.object().put("path",
                outside.toString())));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.parse(refused.body()).get("error").asText()).isEqualTo("path_refused");

        HttpResponse<String> shell = server.post("/api/jobs", RestServer.codeJob("display 1\nshell ls"));
        assertThat(shell.statusCode()).isEqualTo(403);
        JsonNode error = Json.parse(shell.body());
        assertThat(error.get("error").asText()).isEqualTo("shell_escape_refused");
        assertThat(error.get("message").asText()).isNotBlank();

        Files.writeString(server.workspace.resolve("sneaky.do"), "!ls\n");
        assertThat(server.post("/api/jobs", "{\"path\": \"sneaky.do\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void badRequestsAreJsonErrorsWithFittingStatuses() throws Exception {
        record Case(HttpResponse<String> response, int status, String error) {
        }
        List<Case> cases = List.of(
                new Case(server.post("/api/jobs", "{\"code\": \"display 1\", \"colour\": \"red\"}"), 400, "bad_request"),
                new Case(server.post("/api/jobs", "{\"code\": \"display 1\", \"path\": \"a.do\"}"), 400, "bad_request"),
                new Case(server.post("/api/jobs", "{}"), 400, "bad_request"),
                new Case(server.post("/api/jobs", "{\"code\": "), 400, "bad_request"),
                new Case(server.post("/api/jobs", "{\"code\": \"display 1\", \"session\": \"no spaces\"}"), 400, "bad_request"),
                new Case(server.post("/api/jobs", "{\"code\": \"display 1\", \"timeout_seconds\": 0}"), 400, "bad_request"),
                new Case(server.get("/api/jobs?status=happy"), 400, "bad_request"),
                new Case(server.get("/api/jobs?limit=0"), 400, "bad_request"),
                new Case(server.get("/api/jobs/j0000000000000000"), 404, "not_found"),
                new Case(server.get("/api/jobs/not-a-job"), 404, "not_found"),
                new Case(server.get("/api/jobs/j0000000000000000/events"), 404, "not_found"),
                new Case(server.get("/api/nothing/here"), 404, "not_found"),
                new Case(server.delete("/api/jobs"), 405, "method_not_allowed"),
                new Case(server.get("/api/sessions/nobody"), 404, "not_found"),
                new Case(server.post("/api/sessions/nobody/restart", ""), 404, "not_found"));
        for (Case c : cases) {
            assertThat(c.response().statusCode()).as(c.response().request().method() + " "
                    + c.response().request().uri() + ": " + c.response().body()).isEqualTo(c.status());
            JsonNode body = Json.parse(c.response().body());
            assertThat(body.get("error").asText()).isEqualTo(c.error());
            assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(server.delete("/api/jobs").headers().firstValue("Allow")).hasValue("GET, POST");

        String id = server.startJob(RestServer.codeJob(steps(30, 200)));
        HttpResponse<String> early = server.get("/api/jobs/" + id + "/result");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(Json.parse(early.body()).get("error").asText()).isEqualTo("not_finished");
        assertThat(server.get("/api/jobs/" + id + "/log?tail=5&offset=0").statusCode()).isEqualTo(400);
        server.post("/api/jobs/" + id + "/cancel", "");
    }

    @Test
    void jobsAreListedWithFilters() throws Exception {
        String a = server.startJob("{\"code\": \"display 1\", \"session\": \"lists\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.getJson("/api/jobs/" + a).get("status").asText()
                .equals("succeeded"));
        JsonNode mine = server.getJson("/api/jobs?session=lists");
        assertThat(mine.get("jobs").findValuesAsText("job_id")).containsExactly(a);
        assertThat(server.getJson("/api/jobs?session=lists&status=failed,cancelled").get("jobs").size()).isZero();
        assertThat(server.getJson("/api/jobs?limit=1").get("jobs").size()).isEqualTo(1);
        assertThat(server.getJson("/api/jobs?origin=rest&order=oldest").get("jobs").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sessionsAreListedRestartedAndClosed() throws Exception {
        String id = server.startJob("{\"code\": \"display 42\", \"session\": \"second\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.getJson("/api/jobs/" + id).get("status").asText()
                .equals("succeeded"));
        JsonNode list = server.getJson("/api/sessions");
        assertThat(list.get("pool_started").asBoolean()).isTrue();
        assertThat(list.get("sessions").findValuesAsText("name")).contains("second");
        assertThat(list.at("/stata/emulator").asBoolean()).isTrue();
        JsonNode one = server.getJson("/api/sessions/second");
        assertThat(one.get("state").asText()).isIn("idle", "busy");
        assertThat(one.get("runs_completed").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> restarted = server.post("/api/sessions/second/restart", "");
        assertThat(restarted.statusCode()).isEqualTo(200);
        HttpResponse<String> closed = server.delete("/api/sessions/second");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(Json.parse(closed.body()).get("state").asText()).isEqualTo("closed");
        assertThat(server.get("/api/sessions/second").statusCode()).isEqualTo(404);
        assertThat(server.getJson("/api/sessions/default").get("name").asText()).isEqualTo("default");
    }

    @Test
    void theAllJobsFeedTellsStartsProgressAndEnds() throws Exception {
        try (SseClient feed = new SseClient(server.request("/api/events").GET().build())) {
            assertThat(feed.next(10).type()).isEqualTo("hello");
            String id = server.startJob(RestServer.codeJob(steps(4, 150)));
            List<SseClient.Event> seen = new ArrayList<>();
            while (seen.stream().noneMatch(e -> e.type().equals("finished") && e.json().get("job_id").asText()
                    .equals(id))) {
                seen.add(feed.next(60));
            }
            List<String> types = seen.stream().filter(e -> e.json().path("job_id").asText().equals(id))
                    .map(SseClient.Event::type).toList();
            assertThat(types).first().isEqualTo("started");
            assertThat(types).contains("progress").last().isEqualTo("finished");
            assertThat(seen).allMatch(e -> e.type().equals("line") == false);
        }
    }

    @Test
    void healthAndTheDashboardFiles() throws Exception {
        JsonNode health = server.getJson("/api/health");
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("job_store").asText()).isEqualTo("open");
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(page.body()).contains("data-testid=\"log-tail\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(server.get("/app.js").body()).contains("EventSource").doesNotContain("https://");
        assertThat(server.get("/app.css").statusCode()).isEqualTo(200);
        HttpResponse<String> missing = server.get("/secret.txt");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(missing.body()).get("error").asText()).isEqualTo("not_found");
        JsonNode openapi = server.getJson("/api/openapi.json");
        assertThat(openapi.get("openapi").asText()).startsWith("3.");
    }
}

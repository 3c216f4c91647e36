package dev.statamcp.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.output.LogLine;
import dev.statamcp.server.store.JobStore.Completion;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultRendererTest {
    @TempDir
    Path dir;

    final RunResultRenderer renderer = new RunResultRenderer(
            new ErrorHints(rc -> rc == 111 ? "not found" : null), new RenderLimits(40_000, 2, 1_000_000, 5),
            Clock.systemUTC(), () -> false);

    static Job job(JobKind kind) {
        JobSpec spec = new JobSpec(kind, "default", kind == JobKind.CODE ? "regress price mpg" : null,
                kind == JobKind.CODE ? null : "/w/main.do", "/w/data", List.of(), null, OutputMode.COMPACT, null,
                Map.of());
        return new Job(JobId.next(System.currentTimeMillis()), spec, "test", JobStatus.RUNNING, Instant.now(),
                Instant.now(), null, null, null, null, null, null, null, null, null, 1);
    }

    Path png(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xff0000);
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void aSuccessCarriesTheOutputGraphImagesAndTheFacts() throws Exception {
        Job job = job(JobKind.CODE);
        ExecutionOutcome ok = new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null,
                List.of(new LogLine(". scatter price mpg", true), new LogLine("done", false)),
                List.of(png("Graph.png", 64, 48)), Duration.ofMillis(1234), dir.resolve("stata.log"));
        Completion c = renderer.render(job, JobStatus.SUCCEEDED, ok, null);
        JsonNode result = Json.parse(c.resultJson());

        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.get("content").get(0).get("text").asText()).isEqualTo(". scatter price mpg\ndone");
        JsonNode image = result.get("content").get(2);
        assertThat(image.get("type").asText()).isEqualTo("image");
        assertThat(image.get("mimeType").asText()).isEqualTo("image/png");
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(image.get("data").asText())));
        assertThat(decoded.getWidth()).isEqualTo(64);

        JsonNode s = result.get("structuredContent");
        assertThat(s.get("job_id").asText()).isEqualTo(job.id().value());
        assertThat(s.get("status").asText()).isEqualTo("succeeded");
        assertThat(s.get("rc").asInt()).isZero();
        assertThat(s.get("duration_seconds").asDouble()).isEqualTo(1.2);
        assertThat(s.get("graphs").get(0).get("uri").asText())
                .isEqualTo("stata://graphs/" + job.id() + "/Graph.png");
        assertThat(c.graphs()).containsExactly("Graph.png");
        assertThat(c.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aStataErrorIsAnErrorResultWithRcMessageLineCommandHintAndLogTail() {
        Job job = job(JobKind.FILE);
        List<LogLine> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new LogLine("row " + i, false));
        }
        lines.add(new LogLine(". gen y = bad_var + 1", true));
        lines.add(new LogLine("bad_var not found", false));
        lines.add(new LogLine("r(111);", false));
        ExecutionOutcome failed = new ExecutionOutcome(Ending.STATA_ERROR, 111, "bad_var not found", 7,
                "gen y = bad_var + 1", lines, List.of(), Duration.ofSeconds(2), null);
        Completion c = renderer.render(job, JobStatus.FAILED, failed, null);
        JsonNode result = Json.parse(c.resultJson());

        assertThat(result.get("isError").asBoolean()).isTrue();
        JsonNode s = result.get("structuredContent");
        assertThat(s.get("rc").asInt()).isEqualTo(111);
        assertThat(s.get("message").asText()).isEqualTo("bad_var not found");
        assertThat(s.get("line").asInt()).isEqualTo(7);
        assertThat(s.get("command").asText()).isEqualTo("gen y = bad_var + 1");
        assertThat(s.get("hint").asText()).startsWith("r(111): not found.").contains("stata_data describe");
        assertThat(s.get("log_tail").asText()).isEqualTo("row 8\nrow 9\n. gen y = bad_var + 1\nbad_var not found\nr(111);");
        String text = result.get("content").get(0).get("text").asText();
        assertThat(text).endsWith("bad_var not found\nr(111);").doesNotContain(". gen y");
        assertThat(result.get("content").get(1).get("text").asText())
                .startsWith("Stata error r(111) at line 7 (gen y = bad_var + 1): bad_var not found");
        assertThat(result.get("content").get(2).get("uri").asText()).isEqualTo("stata://jobs/" + job.id() + "/log");
        assertThat(c.error().get("rc").asInt()).isEqualTo(111);
    }

    @Test
    void graphsBeyondTheImageLimitBecomeResourceLinks() throws Exception {
        Job job = job(JobKind.CODE);
        List<Path> graphs = List.of(png("a.png", 10, 10), png("b.png", 10, 10), png("c.png", 10, 10));
        ExecutionOutcome ok = new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null, List.of(), graphs,
                Duration.ZERO, null);
        JsonNode content = Json.parse(renderer.render(job, JobStatus.SUCCEEDED, ok, null).resultJson())
                .get("content");
        assertThat(content).extracting(n -> n.get("type").asText())
                .containsExactly("text", "image", "image", "resource_link");
        assertThat(content.get(3).get("uri").asText()).endsWith("/c.png");
    }

    @Test
    void aCancelledRunSaysWhyAndKeepsThePartialOutput() {
        Job job = job(JobKind.CODE);
        ExecutionOutcome broken = new ExecutionOutcome(Ending.BROKEN, 1, null, null, null,
                List.of(new LogLine("partial", false), new LogLine("--Break--", false), new LogLine("r(1);", false)),
                List.of(), Duration.ofSeconds(3), null);
        JsonNode result = Json.parse(renderer.render(job, JobStatus.CANCELLED, broken, "cancelled by the client")
                .resultJson());
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.get("structuredContent").get("status").asText()).isEqualTo("cancelled");
        assertThat(result.get("structuredContent").get("reason").asText()).isEqualTo("cancelled by the client");
        assertThat(result.get("content").get(0).get("text").asText()).startsWith("partial");
        assertThat(result.get("content").get(1).get("text").asText()).contains("cancelled after 3.0 s");
    }

    @Test
    void aCancelThatEndedInAKillSaysTheSessionLostItsState() {
        ExecutionOutcome killed = new ExecutionOutcome(Ending.KILLED, null, null, null, null,
                List.of(new LogLine("partial", false)), List.of(), Duration.ofSeconds(3), null);
        String session = Json.parse(renderer.render(job(JobKind.CODE), JobStatus.CANCELLED, killed, "stop")
                .resultJson()).get("content").get(1).get("text").asText();
        assertThat(session).contains("was killed").contains("data, macros and results it held are gone");
        String batch = Json.parse(renderer.render(job(JobKind.BATCH), JobStatus.CANCELLED, killed, "stop")
                .resultJson()).get("content").get(1).get("text").asText();
        assertThat(batch).contains("cancelled after 3.0 s").doesNotContain("are gone");
    }

    @Test
    void errorHintsNameTheFileAndTheWorkingDirectoryForAMissingFile() {
        ErrorHints hints = new ErrorHints(rc -> "file not found");
        assertThat(hints.hint(601, "file mydata.dta not found", "/home/ana/project"))
                .contains("mydata.dta", "/home/ana/project", "absolute path");
        assertThat(hints.hint(12345, null, null)).isEqualTo("r(12345): file not found.");
    }
}

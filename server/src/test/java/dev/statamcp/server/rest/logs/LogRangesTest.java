package dev.statamcp.server.rest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log ranges by byte offset and tails, on a log far larger than any one answer. */
class LogRangesTest {
    @TempDir
    Path dir;

    Job job(Path log, JobKind kind, JobStatus status) {
        JobSpec spec = new JobSpec(kind, "default", kind == JobKind.CODE ? "x" : null,
                kind == JobKind.CODE ? null : "/tmp/x.do", null, List.of(), null, null, null, Map.of());
        return new Job(JobId.next(System.currentTimeMillis()), spec, "rest", status, Instant.now(), Instant.now(),
                null, null, null, null, null, log, List.of(), null, null, 1);
    }

    static List<String> texts(JsonNode range) {
        List<String> out = new ArrayList<>();
        range.get("lines").forEach(l -> out.add(l.get("text").asText()));
        return out;
    }

    @Test
    void pagingWithNextOffsetReadsEveryLineOnceInOrder() throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("line ").append(i).append('\n');
        }
        Files.writeString(log, b, StandardCharsets.UTF_8);
        Job job = job(log, JobKind.BATCH, JobStatus.SUCCEEDED);
        List<String> seen = new ArrayList<>();
        long offset = 0;
        long next;
        int pages = 0;
        while (true) {
            ObjectNode page = LogRanges.range(job, offset, 4096, false);
            next = page.get("next_offset").asLong();
            seen.addAll(texts(page));
            pages++;
            assertThat(page.get("lines").size()).isLessThanOrEqualTo(4096 / 6 + 1);
            if (page.get("complete").asBoolean()) {
                break;
            }
            assertThat(page.get("next_offset").asLong()).isGreaterThan(offset);
            offset = page.get("next_offset").asLong();
        }
        assertThat(pages).isGreaterThan(20);
        assertThat(seen).hasSize(20_000);
        assertThat(seen.get(0)).isEqualTo("line 0");
        assertThat(seen.get(19_999)).isEqualTo("line 19999");
        assertThat(next).isEqualTo(Files.size(log));
        ObjectNode mid = LogRanges.range(job, 100_003, 64, false); // inside a line: starts at the next one
        assertThat(texts(mid).get(0)).matches("line \\d+");
        assertThat(mid.get("offset").asLong()).isGreaterThan(100_003);
    }

    @Test
    void tailGivesTheLastLinesTheJobPrintedAndWhereToFollowFrom() throws Exception {
        Path log = dir.resolve("stata.log");
        Files.writeString(log, LogCursorTest.WRAPPED, StandardCharsets.UTF_8);
        Job ended = job(log, JobKind.CODE, JobStatus.FAILED);
        ObjectNode tail = LogRanges.tail(ended, 3, false);
        assertThat(texts(tail)).containsExactly(". foo bar", "command foo is unrecognized", "r(199);");
        assertThat(tail.get("complete").asBoolean()).isTrue();
        assertThat(tail.get("next_offset").asLong()).isEqualTo(Files.size(log));
        assertThat(texts(LogRanges.tail(ended, 1000, false))).containsExactlyElementsOf(LogCursorTest.OUTPUT);
        assertThat(texts(LogRanges.tail(ended, 2, true))).containsExactly("", ". quietly log close _smcpab12cd");

        Job running = job(log, JobKind.CODE, JobStatus.RUNNING);
        assertThat(LogRanges.tail(running, 3, false).get("complete").asBoolean()).isFalse();
    }

    @Test
    void aJobWithoutALogYetHasNoLines() throws Exception {
        Job queued = job(null, JobKind.CODE, JobStatus.QUEUED);
        ObjectNode range = LogRanges.range(queued, 0, 100, false);
        assertThat(range.get("lines").size()).isZero();
        assertThat(range.get("complete").asBoolean()).isFalse();
        assertThat(LogRanges.tail(queued, 10, false).get("next_offset").asLong()).isZero();
    }
}

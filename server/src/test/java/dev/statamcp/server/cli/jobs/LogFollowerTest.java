package dev.statamcp.server.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    @TempDir
    Path dir;

    private static Job job(JobStatus status, Path log) {
        return new Job(new JobId("j000000000abcdef"), JobSpec.code("default", "x"), "cli", status, Instant.EPOCH,
                Instant.EPOCH, null, null, null, null, null, log, null, null, null, 1);
    }

    @Test
    void aLogThatMovesIsContinuedWhereItWas() throws Exception {
        Path first = Files.writeString(dir.resolve("run.log"), "one\n");
        Path moved = dir.resolve("jobs/stata.log");
        AtomicInteger polls = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogFollower follower = new LogFollower(() -> {
            int n = polls.incrementAndGet();
            try {
                if (n == 2) {
                    Files.writeString(first, "one\ntwo\n");
                } else if (n == 3) {
                    Files.createDirectories(moved.getParent());
                    Files.move(first, moved);
                    Files.writeString(moved, "one\ntwo\nthree (Latin-1: \u00e9)\n", StandardCharsets.ISO_8859_1);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Optional.of(n < 3 ? job(JobStatus.RUNNING, first) : job(JobStatus.SUCCEEDED, moved));
        }, () -> true, out, Duration.ofMillis(10));
        assertThat(follower.follow()).hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED));
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("one\ntwo\nthree (Latin-1: \u00e9)\n");
    }

    @Test
    void stopsWhenTheRunningProcessIsGone() throws Exception {
        Path log = Files.writeString(dir.resolve("run.log"), "partial\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogFollower follower = new LogFollower(() -> Optional.of(job(JobStatus.RUNNING, log)), () -> false, out,
                Duration.ofMillis(10));
        assertThat(follower.follow()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("partial\n");
    }
}

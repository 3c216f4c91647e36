package dev.statamcp.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.store.JobStore.Completion;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {
    @TempDir
    Path dir;
    Database db;
    JobStore store;
    final ProcessOwner me = ProcessOwner.current();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("jobs.db"));
        store = new JobStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Job queued(String session, Instant at) {
        JobSpec spec = new JobSpec(JobKind.FILE, session, null, "/data/分析 O'Brien.do", "/data", List.of("a", "b c"),
                60, OutputMode.FULL, 1000, Map.of());
        return new Job(JobId.next(at.toEpochMilli()), spec, "mcp:s1", JobStatus.QUEUED, at, null, null, null, null,
                null, null, null, null, null, null, 0);
    }

    @Test
    void aJobRoundTripsWithItsSpecExactly() {
        Job job = queued("default", Instant.parse("2026-11-24T10:00:00Z"));
        store.insert(job, me);

        Job read = store.find(job.id()).orElseThrow();
        assertThat(read.spec()).isEqualTo(job.spec());
        assertThat(read.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(read.createdAt()).isEqualTo(job.createdAt());
        assertThat(read.origin()).isEqualTo("mcp:s1");
        assertThat(read.ownerPid()).isEqualTo(me.pid());
        assertThat(store.result(job.id())).isEmpty();
    }

    @Test
    void aJobStartsOnlyFromQueuedAndEndsOnlyOnce() {
        Job job = queued("default", Instant.now());
        store.insert(job, me);
        assertThat(store.markRunning(job.id(), Instant.now(), dir.resolve("log.txt"))).isTrue();
        assertThat(store.markRunning(job.id(), Instant.now(), null)).isFalse();

        store.updateProgress(job.id(), new JobProgress(3, 10L, "regress price mpg"));
        Completion ok = new Completion(JobStatus.SUCCEEDED, Instant.now(), 0, null, "done", "{\"content\":[]}",
                List.of("Graph.png"), null, new JobProgress(10, 10L, "end"), null);
        assertThat(store.complete(job.id(), ok)).isTrue();

        Completion late = new Completion(JobStatus.CANCELLED, Instant.now(), 1, null, "cancelled", "{}",
                List.of(), "too late", JobProgress.NONE, null);
        assertThat(store.complete(job.id(), late)).as("a stored end is never overwritten").isFalse();

        Job read = store.find(job.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(read.rc()).isZero();
        assertThat(read.graphs()).containsExactly("Graph.png");
        assertThat(read.progress()).isEqualTo(new JobProgress(10, 10L, "end"));
        assertThat(read.logPath()).isEqualTo(dir.resolve("log.txt"));
        assertThat(store.result(job.id())).contains("{\"content\":[]}");
    }

    @Test
    void completingNeedsATerminalStatus() {
        Job job = queued("default", Instant.now());
        store.insert(job, me);
        assertThatThrownBy(() -> store.complete(job.id(), new Completion(JobStatus.RUNNING, Instant.now(), null,
                null, null, null, null, null, null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listFiltersByStatusAndSessionNewestFirst() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        Job a = queued("default", t);
        Job b = queued("other", t.plusSeconds(1));
        Job c = queued("default", t.plusSeconds(2));
        for (Job j : List.of(a, b, c)) {
            store.insert(j, me);
        }
        store.markRunning(c.id(), t.plusSeconds(3), null);

        assertThat(store.list(JobFilter.newest(10)).stream().map(Job::id)).containsExactly(c.id(), b.id(), a.id());
        assertThat(store.list(JobFilter.newest(10, JobStatus.QUEUED)).stream().map(Job::id))
                .containsExactly(b.id(), a.id());
        assertThat(store.list(new JobFilter(List.of(), "default", null, 10, true)).stream().map(Job::id))
                .containsExactly(a.id(), c.id());
        assertThat(store.list(JobFilter.newest(1))).hasSize(1);
    }

    @Test
    void pagesOlderThanAJobNeitherRepeatNorSkipWhenJobsAreAdded() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Two jobs share each millisecond, so the id breaks the tie.
            Job j = queued("default", t.plusMillis(i / 2));
            jobs.add(j);
            store.insert(j, me);
        }
        List<Job> first = store.list(JobFilter.newest(2));
        store.insert(queued("default", t.plusSeconds(60)), me); // a new job between pages
        Job last = first.get(1);
        List<Job> rest = store.listOlderThan(last.createdAt(), last.id(), 10);
        List<JobId> all = new ArrayList<>(first.stream().map(Job::id).toList());
        all.addAll(rest.stream().map(Job::id).toList());
        List<JobId> expected = jobs.stream().sorted(java.util.Comparator.comparing(Job::createdAt)
                .thenComparing(Job::id).reversed()).map(Job::id).toList();
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(store.listOlderThan(last.createdAt(), last.id(), 1)).hasSize(1);
    }

    @Test
    void unfinishedJobsComeWithTheirOwner() {
        Job a = queued("default", Instant.now());
        Job b = queued("default", Instant.now().plusMillis(5));
        store.insert(a, me);
        store.insert(b, new ProcessOwner(999_999_999L, 1));
        store.complete(a.id(), new Completion(JobStatus.FAILED, Instant.now(), 111, Json.object().put("rc", 111),
                "r(111)", "{}", null, null, null, null));

        List<JobStore.OwnedJob> open = store.unfinished();
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.job().id()).isEqualTo(b.id());
            assertThat(o.owner().isAlive()).isFalse();
        });
        assertThat(me.isAlive()).isTrue();
        assertThat(store.find(a.id()).orElseThrow().error().get("rc").asInt()).isEqualTo(111);
    }

    @Test
    void pruneRemovesOldAndSurplusEndedJobsButNeverRunningOnes() {
        Instant now = Instant.now();
        List<Job> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Job j = queued("default", now.minus(10 - i, ChronoUnit.DAYS));
            store.insert(j, me);
            store.complete(j.id(), new Completion(JobStatus.SUCCEEDED, now.minus(10 - i, ChronoUnit.DAYS), 0, null,
                    null, "{}", null, null, null, null));
            ended.add(j);
        }
        Job running = queued("default", now.minus(30, ChronoUnit.DAYS));
        store.insert(running, me);
        store.markRunning(running.id(), now, null);

        // Older than 7 days: the first two (10 and 9 days old) plus 8 days old; keep at most 1 of the rest.
        List<JobId> deleted = store.prune(now.minus(7, ChronoUnit.DAYS).plusSeconds(1), 1);
        assertThat(deleted).containsExactlyInAnyOrder(ended.get(0).id(), ended.get(1).id(), ended.get(2).id(),
                ended.get(3).id());
        assertThat(store.find(ended.get(4).id())).isPresent();
        assertThat(store.find(running.id())).isPresent();
    }

    @Test
    void twoProcessesSharingTheFileSeeEachOthersCommitsAndDoNotCollide() throws Exception {
        try (Database second = Database.open(dir.resolve("jobs.db"))) {
            JobStore other = new JobStore(second);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<JobId> ids = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                JobStore target = t % 2 == 0 ? store : other;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        Job j = queued("s", Instant.now());
                        target.insert(j, me);
                        target.markRunning(j.id(), Instant.now(), null);
                        target.complete(j.id(), new Completion(JobStatus.SUCCEEDED, Instant.now(), 0, null, null,
                                "{\"n\":" + i + "}", null, null, null, null));
                        ids.add(j.id());
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(ids).hasSize(200).doesNotHaveDuplicates();
            assertThat(store.list(JobFilter.newest(500, JobStatus.SUCCEEDED))).hasSize(200);
            assertThat(other.list(JobFilter.newest(500, JobStatus.SUCCEEDED))).hasSize(200);
        }
    }

    @Test
    void reopeningKeepsTheSchemaAndANewerSchemaIsRefusedClearly() throws Exception {
        Job job = queued("default", Instant.now());
        store.insert(job, me);
        db.close();
        db = Database.open(dir.resolve("jobs.db"));
        assertThat(db.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
        assertThat(new JobStore(db).find(job.id())).isPresent();

        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version=99");
            }
            return null;
        });
        assertThatThrownBy(() -> Database.open(dir.resolve("jobs.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this stata-mcp understands");
    }

    @Test
    void jobIdsSortByCreationAndRejectForgeries() {
        JobId early = JobId.next(1_000);
        JobId late = JobId.next(2_000_000_000_000L);
        assertThat(early).isLessThan(late);
        assertThat(JobId.isWellFormed(early.value())).isTrue();
        assertThatThrownBy(() -> new JobId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}

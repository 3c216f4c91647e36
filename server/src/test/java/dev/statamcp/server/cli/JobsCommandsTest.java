package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.statamcp.server.cli.CliCapture.Run;
import dev.statamcp.server.cli.jobs.ServerRegistry;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.Completion;
import dev.statamcp.server.store.ProcessOwner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs list | show | log | cancel} against a job store filled the way servers fill it. */
class JobsCommandsTest {
    @TempDir
    Path dir;
    Path data;
    JobFolders folders;
    Database db;
    JobStore store;
    final ProcessOwner me = ProcessOwner.current();

    @BeforeEach
    void open() {
        data = dir.resolve("data");
        folders = new JobFolders(data);
        db = Database.open(folders.database());
        store = new JobStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--config", dir.resolve("none.toml").toString()));
        return CliCapture.execute(all);
    }

    private Job insert(String doFile, String session, ProcessOwner owner) throws Exception {
        Instant now = Instant.now();
        JobSpec spec = new JobSpec(JobKind.FILE, session, null, doFile, null, List.of(), null, OutputMode.COMPACT,
                null, Map.of());
        Job job = new Job(JobId.next(now.toEpochMilli()), spec, "cli", JobStatus.QUEUED, now, null, null, null, null,
                null, null, null, null, null, null, owner.pid());
        store.insert(job, owner);
        Path log = folders.create(job.id()).resolve("stata.log");
        Files.writeString(log, ". display \"hello from " + session + "\"\nhello from " + session + "\n");
        store.markRunning(job.id(), now, log);
        store.updateProgress(job.id(), new JobProgress(1, 3L, "hello"));
        return job;
    }

    private void end(Job job, JobStatus status, Integer rc, JsonNode error, List<String> graphs) {
        store.complete(job.id(), new Completion(status, Instant.now(), rc, error, "done", "{}", graphs, null,
                new JobProgress(3, 3L, "end of do-file"), null));
    }

    @Test
    void listShowsTheJobsNewestFirstAndFilters() throws Exception {
        Job ok = insert("/w/ok.do", "default", me);
        end(ok, JobStatus.SUCCEEDED, 0, null, List.of());
        Thread.sleep(5);
        Job bad = insert("/w/bad.do", "other", me);
        end(bad, JobStatus.FAILED, 111, null, List.of());

        Run all = run("jobs", "list");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("ID", "STATUS", ok.id().value(), bad.id().value(), "do /w/ok.do", "3/3");
        assertThat(all.out().indexOf(bad.id().value())).isLessThan(all.out().indexOf(ok.id().value()));

        Run failed = run("jobs", "list", "--status", "failed");
        assertThat(failed.out()).contains(bad.id().value(), "111").doesNotContain(ok.id().value());
        Run session = run("jobs", "list", "--session", "default", "--json");
        JsonNode json = Json.parse(session.out());
        assertThat(json.at("/jobs").size()).isEqualTo(1);
        assertThat(json.at("/jobs/0/job_id").asText()).isEqualTo(ok.id().value());

        assertThat(run("jobs", "list", "--status", "nope").exit()).isEqualTo(2);
    }

    @Test
    void showGivesTheErrorWithItsHintAndTheFilesOnDisk() throws Exception {
        Job bad = insert("/w/bad.do", "default", me);
        Path graphs = Files.createDirectories(folders.graphs(bad.id()));
        Files.write(graphs.resolve("Graph.png"), new byte[] {1, 2, 3});
        JsonNode error = Json.parse("{\"rc\": 111, \"message\": \"variable pricex not found\", \"line\": 7,"
                + " \"command\": \"summarize pricex\", \"hint\": \"Check the variable name with describe.\"}");
        end(bad, JobStatus.FAILED, 111, error, List.of("Graph.png", "gone.png"));

        Run show = run("jobs", "show", bad.id().value());
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("failed with Stata error r(111)", "variable pricex not found", "line:    7",
                "summarize pricex", "hint:    Check the variable name with describe.",
                folders.folder(bad.id()).resolve("stata.log").toString(), graphs.resolve("Graph.png").toString())
                .doesNotContain("gone.png");

        Run unknown = run("jobs", "show", "j000000000000000");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("there is no job j000000000000000").doesNotContain("\tat ");
        assertThat(run("jobs", "show", "nonsense").err()).contains("is not a job id");
    }

    @Test
    void logPrintsTheLogAndFollowsItUntilTheJobEnds() throws Exception {
        Job job = insert("/w/long.do", "default", me);
        Run now = run("jobs", "log", job.id().value());
        assertThat(now.out()).isEqualTo(". display \"hello from default\"\nhello from default\n");

        Path log = job.logPath() != null ? job.logPath() : folders.folder(job.id()).resolve("stata.log");
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; i <= 5; i++) {
                    Thread.sleep(150);
                    Files.writeString(log, "line " + i + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
                end(job, JobStatus.SUCCEEDED, 0, null, List.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Run followed = run("jobs", "log", job.id().value(), "--follow");
        writer.join();
        assertThat(followed.exit()).isZero();
        assertThat(followed.out()).isEqualTo(". display \"hello from default\"\nhello from default\n"
                + "line 1\nline 2\nline 3\nline 4\nline 5\n");
        assertThat(followed.err()).contains("succeeded");
    }

    @Test
    void followingAJobWhoseProcessIsGoneStopsAndSaysSo() throws Exception {
        Job orphan = insert("/w/orphan.do", "default", new ProcessOwner(Integer.MAX_VALUE - 7, 1));
        Run r = run("jobs", "log", orphan.id().value(), "--follow");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("hello from default");
        assertThat(r.err()).contains("is gone", "interrupted");
    }

    @Test
    void cancellingAJobOfAGoneProcessTakesItOverLikeAStartingServer() throws Exception {
        Job orphan = insert("/w/orphan.do", "default", new ProcessOwner(Integer.MAX_VALUE - 7, 1));
        Run r = run("jobs", "cancel", orphan.id().value());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("was interrupted");
        assertThat(store.find(orphan.id()).orElseThrow().status()).isEqualTo(JobStatus.INTERRUPTED);
        Run again = run("jobs", "cancel", orphan.id().value());
        assertThat(again.out()).contains("Nothing to cancel");
    }

    @Test
    void aJobOfALiveProcessWithoutHttpIsNamedWithItsOwner() throws Exception {
        Job mine = insert("/w/running.do", "default", me);
        Run r = run("jobs", "cancel", mine.id().value());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("pid " + me.pid(), "serves no HTTP API", "stata_job_cancel");
        assertThat(store.find(mine.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aJobOfALiveHttpServerIsCancelledThroughItsRestApi() throws Exception {
        Job mine = insert("/w/running.do", "default", me);
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/jobs/", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            // What the owning server does: stop the job, store the end, then answer.
            store.complete(mine.id(), new Completion(JobStatus.CANCELLED, Instant.now(), 1, null, "cancelled", "{}",
                    List.of(), "cancelled with stata-mcp jobs cancel", JobProgress.NONE, null));
            byte[] body = "{\"status\":\"cancelled\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Runnable unannounce = new ServerRegistry(data).announce(URI.create("http://127.0.0.1:"
                + http.getAddress().getPort()), "test");
        try {
            Run r = run("jobs", "cancel", mine.id().value(), "--token", "s3cret");
            assertThat(r.exit()).isZero();
            assertThat(seen.get()).isEqualTo("POST /api/jobs/" + mine.id().value() + "/cancel Bearer s3cret");
            assertThat(r.out()).contains("was cancelled");
        } finally {
            unannounce.run();
            http.stop(0);
        }
        assertThat(data.resolve("servers")).isEmptyDirectory();
    }
}

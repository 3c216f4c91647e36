package dev.statamcp.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.StdioSession;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.subject.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A job that prints a gigabyte. The same do-file runs through the server (a persistent session, synchronous call
 * with a progress token, as a client waits on it; and as a batch job) and as fakestata alone in batch mode, the runs
 * alternating. Wall time is request → result for the server and spawn → exit for fakestata alone; each server run
 * uses a new session, so both sides include starting Stata.
 */
public final class VolumeScenario implements Scenario {
    public static final String ID = "jobs.volume";
    static final String SESSION = "stata-mcp";
    static final String BATCH = "stata-mcp-batch";
    static final String ALONE = "fakestata-alone";
    /** The server's default limit on a result's output text (max_output_chars). */
    static final int OUTPUT_LIMIT = 40_000;
    /** Ten displays of 99 characters per loop pass: 1,000 bytes of log. */
    private static final int BYTES_PER_PASS = 1_000;

    private final StringBuilder details = new StringBuilder();
    private long serverPeakKb = -1;
    private int worstOutputChars = -1;
    private boolean allTruncatedProperly = true;
    private long lastAlonePeakKb = -1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Volume: a job printing a gigabyte";
    }

    @Override
    public String method() {
        return "A do-file whose loop prints 1,000 bytes per pass runs through the server in a new session (synchronous"
                + " `stata_run_file` with a progress token: the client reads every notification), through the server as"
                + " a batch job (`mode: batch`), and as fakestata alone (`stata-mp -b -q do`), the three alternating."
                + " Wall time is request → result for the server, spawn → exit alone; both include starting Stata."
                + " Peak RSS is the server's VmHWM over all its runs; for fakestata alone, its own.";
    }

    @Override
    public String operation() {
        return "run";
    }

    @Override
    public String details() {
        return details.toString();
    }

    @Override
    public List<TargetResult> judge(List<Measurement> all) {
        List<TargetResult> verdicts = new ArrayList<>();
        verdicts.add(new Target.Ratio("1 GB of output: wall time ≤ 1.1 × fakestata alone (median)", ID,
                List.of(SESSION), Target.Stat.MEDIAN, 1.1, ALONE).judge(all));
        verdicts.add(serverPeakKb < 0 ? TargetResult.notMeasured("1 GB of output: server peak RSS ≤ 300 MB",
                "no run through the server finished")
                : new TargetResult("1 GB of output: server peak RSS ≤ 300 MB", serverPeakKb <= 300L * 1000 * 1000 / 1024
                        ? TargetResult.Verdict.MET : TargetResult.Verdict.NOT_MET,
                        String.format(Locale.ROOT, "peak RSS %.0f MB (limit 300 MB)", serverPeakKb * 1024 / 1e6)));
        verdicts.add(worstOutputChars < 0 ? TargetResult.notMeasured("1 GB of output: compact result within its"
                + " limit", "no run through the server finished")
                : new TargetResult("1 GB of output: compact result within its limit (" + OUTPUT_LIMIT + " chars)",
                        worstOutputChars <= OUTPUT_LIMIT && allTruncatedProperly ? TargetResult.Verdict.MET
                                : TargetResult.Verdict.NOT_MET,
                        String.format(Locale.ROOT, "largest output text %,d chars%s", worstOutputChars,
                                allTruncatedProperly ? ", marked truncated with the omitted lines counted"
                                        : ", not marked truncated")));
        return verdicts;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws InterruptedException {
        Settings.Jobs sizes = context.settings().jobs();
        Path dir = context.freshDir("volume");
        Path work = dir.resolve("work");
        long passes = sizes.volumeBytes() / BYTES_PER_PASS;
        Path doFile;
        try {
            doFile = writeDoFile(work, passes);
        } catch (IOException e) {
            return List.of(Measurement.failed(ID, SESSION, true, "cannot write the do-file: " + e.getMessage()));
        }
        Samples session = new Samples(sizes.volumeRuns());
        Samples batch = new Samples(sizes.volumeRuns());
        Samples alone = new Samples(sizes.volumeRuns());
        long alonePeakKb = -1;
        List<String> notes = new ArrayList<>();
        String sessionFailure = null;
        String batchFailure = null;
        String aloneFailure = null;
        AppServer.Options options = AppServer.Options.stdio(context.root(), dir.resolve("data"), work,
                context.logDir().resolve("stata-mcp." + ID + ".stderr.log"));
        try (AppServer server = AppServer.start(options)) {
            StdioSession client = server.stdio();
            client.skipLogBodies(true);
            // Finds Stata (a check run the server caches) before anything is timed; later runs use new sessions.
            JsonNode warm = client.tool("stata_run", Tools.args("code", "display 1", "session", "warm"),
                    Duration.ofMinutes(3));
            if (!"succeeded".equals(Tools.status(warm))) {
                throw new IllegalStateException("the warm-up run did not succeed: " + Tools.text(warm));
            }
            for (int run = 1; run <= sizes.volumeRuns(); run++) {
                context.say("  run %d of %d (%,d MB each)", run, sizes.volumeRuns(), sizes.volumeBytes() / 1_000_000);
                try {
                    alone.add(runAlone(context, dir.resolve("alone-" + run), doFile, sizes.volumeBytes()));
                } catch (Exception e) {
                    aloneFailure = e.getMessage();
                }
                try {
                    session.add(runThroughServer(server, client, doFile, "session", "v" + run, sizes, notes));
                } catch (Exception e) {
                    sessionFailure = e.getMessage();
                }
                try {
                    batch.add(runThroughServer(server, client, doFile, "batch", null, sizes, notes));
                } catch (Exception e) {
                    batchFailure = e.getMessage();
                }
            }
            serverPeakKb = server.peakRssKb();
        } catch (IOException | RuntimeException e) {
            sessionFailure = sessionFailure != null ? sessionFailure : e.getMessage();
        }
        alonePeakKb = lastAlonePeakKb;
        List<Measurement> out = new ArrayList<>();
        out.add(sessionFailure != null || session.size() == 0
                ? Measurement.failed(ID, SESSION, true, String.valueOf(sessionFailure))
                : new Measurement(ID, SESSION, true, session.summary(), Double.NaN, serverPeakKb, Double.NaN, ""));
        out.add(batchFailure != null || batch.size() == 0
                ? Measurement.failed(ID, BATCH, true, String.valueOf(batchFailure))
                : new Measurement(ID, BATCH, true, batch.summary(), Double.NaN, serverPeakKb, Double.NaN, ""));
        out.add(aloneFailure != null || alone.size() == 0
                ? Measurement.failed(ID, ALONE, false, String.valueOf(aloneFailure))
                : new Measurement(ID, ALONE, false, alone.summary(), Double.NaN, alonePeakKb, Double.NaN, ""));
        details.setLength(0);
        details.append("Runs (wall time, MB/s of log written, what the client received):\n\n");
        notes.forEach(n -> details.append("- ").append(n).append('\n'));
        deleteQuietly(dir);
        return out;
    }

    static Path writeDoFile(Path work, long passes) throws IOException {
        String line = "x".repeat(60);
        StringBuilder code = new StringBuilder("* Volume: ").append(passes).append(" passes of 1,000 bytes\n");
        // The same line width in batch mode (80 by default) as in the server's sessions: the same bytes either way.
        code.append("set linesize 200\n");
        code.append("forvalues i = 1/").append(passes).append(" {\n");
        for (int k = 0; k < 10; k++) {
            // 99 characters and a newline: "v<k> " (3), the pass number (8), " " and 60 x's (61), 27 dots.
            code.append("    display \"v").append(k).append(" \" %08.0f `i' \" ").append(line)
                    .append("\" _dup(27) \".\"\n");
        }
        code.append("}\ndisplay \"VOLUME DONE\"\n");
        Files.createDirectories(work);
        return Files.writeString(work.resolve("volume.do"), code.toString());
    }

    /** fakestata alone in batch mode in its own folder; returns spawn → exit in nanoseconds. */
    private long runAlone(BenchContext context, Path dir, Path doFile, long expectBytes) throws Exception {
        Files.createDirectories(dir);
        Path copy = Files.copy(doFile, dir.resolve("volume.do"));
        ProcessBuilder pb = new ProcessBuilder(context.root().resolve("fakestata/bin/stata-mp").toString(), "-b", "-q",
                "do", copy.getFileName().toString()).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        long max = -1;
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            max = Math.max(max, ProcFs.peakRssKb(p.pid()));
        }
        long elapsed = System.nanoTime() - start;
        lastAlonePeakKb = Math.max(lastAlonePeakKb, max);
        Path log = dir.resolve("volume.log");
        long size = Files.isRegularFile(log) ? Files.size(log) : -1;
        String tail = size > 0 ? tail(log) : "";
        deleteQuietly(dir);
        if (size < expectBytes || !tail.contains("VOLUME DONE")) {
            throw new IllegalStateException("fakestata alone wrote " + size + " bytes of log, expected at least "
                    + expectBytes + " ending with VOLUME DONE");
        }
        return elapsed;
    }

    /** One run through the server; returns request → result in nanoseconds and notes what it saw. */
    private long runThroughServer(AppServer server, StdioSession client, Path doFile, String mode, String session,
                                  Settings.Jobs sizes, List<String> notes) throws Exception {
        long bytesBefore = client.notificationBytes();
        long countBefore = client.notificationCount();
        double cpuBefore = server.cpuMillis();
        var args = Tools.args("path", doFile.toString(), "mode", mode);
        if (session != null) {
            args.put("session", session);
        }
        long start = System.nanoTime();
        JsonNode result = StdioSession.await(client.callTool("stata_run_file", args, "volume-" + mode),
                "stata_run_file", Duration.ofHours(1));
        long elapsed = System.nanoTime() - start;
        double cpu = server.cpuMillis() - cpuBefore;
        if (!"succeeded".equals(Tools.status(result))) {
            throw new IllegalStateException("the " + mode + " run did not succeed: " + Tools.text(result));
        }
        JsonNode structured = Tools.structured(result);
        String output = Tools.text(result);
        worstOutputChars = Math.max(worstOutputChars, output.length());
        boolean truncated = structured.path("truncated").asBoolean(false)
                && structured.path("omitted_lines").asLong(0) > 0 && output.contains("VOLUME DONE");
        allTruncatedProperly &= truncated;
        String jobId = Tools.jobId(result);
        long logBytes = logSize(server, jobId, mode);
        notes.add(String.format(Locale.ROOT, "%s (%s): %.1f s, log %,d bytes (%.0f MB/s); server CPU %.1f s;"
                        + " %,d notifications, %,d bytes, to the client; output text %,d chars, truncated=%s,"
                        + " omitted_lines=%,d, ends with the last line: %s", mode.equals("batch") ? BATCH : SESSION,
                session != null ? "session " + session : "batch", elapsed / 1e9, logBytes,
                logBytes / 1e6 / (elapsed / 1e9), cpu / 1000, client.notificationCount() - countBefore,
                client.notificationBytes() - bytesBefore, output.length(), structured.path("truncated").asText(),
                structured.path("omitted_lines").asLong(), output.contains("VOLUME DONE")));
        if (logBytes < sizes.volumeBytes()) {
            throw new IllegalStateException("the job's log holds " + logBytes + " bytes, expected at least "
                    + sizes.volumeBytes());
        }
        deleteQuietly(server.dataDir().resolve("jobs").resolve(jobId));
        return elapsed;
    }

    /** Size of the job's log: the run log in its folder (session) or the batch log Stata wrote. */
    private static long logSize(AppServer server, String jobId, String mode) throws IOException {
        Path folder = server.dataDir().resolve("jobs").resolve(jobId);
        long best = -1;
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                best = Math.max(best, Files.size(p));
            }
        }
        if (best < 0 && mode.equals("batch")) {
            Path log = server.workDir().resolve("volume.log");
            best = Files.isRegularFile(log) ? Files.size(log) : -1;
            Files.deleteIfExists(log);
        }
        return best;
    }

    private static String tail(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            var buffer = java.nio.ByteBuffer.allocate((int) Math.min(4096, size));
            channel.read(buffer, size - buffer.capacity());
            return new String(buffer.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a bench folder under target/
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}

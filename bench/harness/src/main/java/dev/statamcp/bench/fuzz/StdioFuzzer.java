package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.client.JsonRpc;
import dev.statamcp.bench.client.LineReader;
import dev.statamcp.bench.subject.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fuzzes a server over stdio. After each fuzz message a {@code ping} with a fresh id follows; its answer proves the
 * server still reads and answers, and marks where this message's answers end.
 */
public final class StdioFuzzer {
    private static final byte[] EOF = new byte[0];

    private final List<String> command;
    private final Path workDir;
    private final Path stderrLog;
    private final FuzzConfig config;
    private final PrintStream progress;
    private ServerProcess server;
    private BlockingQueue<byte[]> received;
    private ExecutorService writer;
    private int restarts;
    private int lostInDeaths;
    /** Ids sent in earlier messages: an answer carrying one is late, not wrong. */
    private final Set<String> earlierIds = new LinkedHashSet<>();
    /** Requests not answered by the end of their message's wait; a finding only once their deadline passes. */
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(FuzzMessage message, Set<String> ids, long deadline) {
    }
    /** Waits for owed answers that ended with nothing: a server that never answers some messages costs less. */
    private int fruitlessWaits;
    private int late;

    private StdioFuzzer(List<String> command, Path workDir, Path stderrLog, FuzzConfig config, PrintStream progress) {
        this.command = command;
        this.workDir = workDir;
        this.stderrLog = stderrLog;
        this.config = config;
        this.progress = progress;
    }

    /**
     * Starts the server command, fuzzes it, stops it. With {@link FuzzConfig#restartAfterDeath()}, a server that
     * dies or hangs is started again (and counted) so that one run finds every kind of failure, not just the first.
     */
    public static FuzzResult run(List<String> command, Path workDir, Path stderrLog, FuzzConfig config,
                                 PrintStream progress) throws IOException {
        StdioFuzzer fuzzer = new StdioFuzzer(command, workDir, stderrLog, config, progress);
        try {
            return fuzzer.fuzz(String.join(" ", command));
        } finally {
            fuzzer.stopServer();
        }
    }

    private void startServer() throws IOException {
        server = ServerProcess.start(command, workDir, stderrLog);
        received = new LinkedBlockingQueue<>();
        writer = Executors.newSingleThreadExecutor(r -> daemon(r, "fuzz-stdio-writer"));
        ServerProcess process = server;
        BlockingQueue<byte[]> queue = received;
        daemon(() -> readLoop(process, queue), "fuzz-stdio-reader").start();
    }

    private void stopServer() {
        if (server != null) {
            writer.shutdownNow();
            server.close();
            server = null;
        }
    }

    /** Starts the server and runs the handshake; null on success, else what went wrong. */
    private String startAndHandshake() {
        try {
            startServer();
        } catch (IOException e) {
            return "the server could not be started: " + e.getMessage();
        }
        return handshake();
    }

    private FuzzResult fuzz(String target) {
        FuzzResult result = new FuzzResult("stdio", target, config);
        long start = System.currentTimeMillis();
        boolean alive = false;
        try {
            String handshake = startAndHandshake();
            if (handshake != null) {
                result.record(new FuzzMessage(-1, FuzzCategory.VALID, JsonRpc.utf8(JsonRpc.initialize("fz-init")),
                        Set.of()), List.of(Problem.fatal("HANDSHAKE_FAILED", handshake)));
                return result;
            }
            alive = true;
            MessageGenerator generator = new MessageGenerator(config.seed(), config.maxOversizeBytes());
            for (int i = config.from(); i < config.from() + config.messages(); i++) {
                FuzzMessage message = generator.generate(i);
                List<Problem> problems = exchange(message);
                result.record(message, problems);
                expirePending(result, System.nanoTime());
                result.late(late);
                late = 0;
                if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.FATAL)) {
                    alive = false;
                    // Calls still in flight die with the server: part of that FATAL finding, not more findings.
                    lostInDeaths += pending.size();
                    pending.clear();
                    if (!config.restartAfterDeath() || restarts >= 1_000) {
                        break;
                    }
                    restarts++;
                    stopServer();
                    String again = startAndHandshake();
                    if (again != null) {
                        result.note("a restart failed: " + again);
                        break;
                    }
                    alive = true;
                }
                if ((i - config.from() + 1) % 1000 == 0) {
                    progress.printf("  stdio: %,d messages sent%n", i - config.from() + 1);
                }
            }
            if (alive) {
                awaitPending(result);
            }
            expirePending(result, Long.MAX_VALUE);
            result.late(late);
            finalCheck(result, alive);
            if (lostInDeaths > 0) {
                result.note(lostInDeaths + " requests were still unanswered (slower than the wait after the ping)"
                        + " when the server died; they count under the FATAL findings");
            }
            if (restarts > 0) {
                result.note("the server was started again " + restarts + " times after dying or hanging, to go on"
                        + " with the remaining messages");
            }
            return result;
        } finally {
            result.duration(System.currentTimeMillis() - start);
        }
    }

    private String handshake() {
        try {
            write(JsonRpc.utf8(JsonRpc.initialize("fz-init") + "\n"));
            JsonNode answer = awaitId("\"fz-init\"");
            if (answer == null || !answer.path("result").has("protocolVersion")) {
                return "initialize was not answered with a result: " + answer;
            }
            write(JsonRpc.utf8(JsonRpc.initialized() + "\n"));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Sends one fuzz message and its liveness ping; returns what was wrong. */
    private List<Problem> exchange(FuzzMessage message) {
        String sentinel = "fz-sentinel-" + message.index();
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.bytes().length + 64);
        out.writeBytes(message.bytes());
        out.write('\n');
        out.writeBytes(JsonRpc.utf8(JsonRpc.ping(sentinel) + "\n"));
        Expectation expectation = expectation(message.bytes());
        Answers answers = new Answers(expectation, message.mustSucceed(), this::takeOwed, earlierIds::contains);
        List<Problem> problems = new ArrayList<>();
        try {
            write(out.toByteArray());
        } catch (IOException e) {
            problems.add(Problem.fatal(server.isAlive() ? "HUNG" : "DIED", e.getMessage() + exitNote()));
            return problems;
        }
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(config.answerTimeoutMs());
        boolean alive = false;
        byte[] sentinelMarker = ("\"" + sentinel + "\"").getBytes(StandardCharsets.UTF_8);
        while (true) {
            long wait = deadline - System.nanoTime();
            byte[] line = wait > 0 ? poll(wait) : null;
            if (line == null) {
                break;
            }
            if (line == EOF) {
                problems.add(Problem.fatal("DIED", "the server closed its output" + exitNote()));
                return problems;
            }
            if (contains(line, sentinelMarker)) {
                alive = true;
                int grace = fruitlessWaits >= 20 ? Math.min(20, config.graceMs()) : config.graceMs();
                deadline = Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(grace));
            } else if (!contains(line, "\"fz-sentinel-".getBytes(StandardCharsets.UTF_8))) {
                answers.add(new String(line, StandardCharsets.UTF_8));
            }
            if (alive && answers.complete()) {
                break;
            }
        }
        if (!alive) {
            problems.add(Problem.fatal(server.isAlive() ? "HUNG" : "DIED", "no answer to a ping within "
                    + config.answerTimeoutMs() + " ms after this message" + exitNote()));
            return problems;
        }
        problems.addAll(answers.problemsBesidesMissing());
        late += answers.late();
        if (!answers.complete()) {
            fruitlessWaits++;
        }
        long owedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.answerTimeoutMs());
        for (Set<String> ids : answers.unansweredRequests()) {
            pending.add(new Pending(message, ids, owedUntil));
        }
        earlierIds.addAll(expectation.mayAnswer());
        while (earlierIds.size() > 100_000) {
            earlierIds.remove(earlierIds.iterator().next());
        }
        return problems;
    }

    /** If an earlier message still waits for an answer with this id, that answer has now come (late). */
    private boolean takeOwed(String id) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).ids().contains(id)) {
                pending.remove(i);
                return true;
            }
        }
        return false;
    }

    /** Requests whose deadline has passed without an answer become MISSING_ANSWER findings. */
    private void expirePending(FuzzResult result, long now) {
        pending.removeIf(p -> {
            if (p.deadline() <= now) {
                result.add(p.message(), Answers.missing(p.ids()));
                return true;
            }
            return false;
        });
    }

    /** At the end, reads what still comes until every owed answer has arrived or its deadline has passed. */
    private void awaitPending(FuzzResult result) {
        Answers stray = new Answers(Expectation.nothing(), Set.of(), this::takeOwed, earlierIds::contains);
        while (!pending.isEmpty()) {
            long wait = pending.stream().mapToLong(Pending::deadline).max().getAsLong() - System.nanoTime();
            byte[] line = wait > 0 ? poll(wait) : null;
            if (line == null || line == EOF) {
                break;
            }
            stray.add(new String(line, StandardCharsets.UTF_8));
        }
        late += stray.late();
        if (!stray.problemsBesidesMissing().isEmpty()) {
            result.note("after the last message the server wrote: " + stray.problemsBesidesMissing());
        }
    }

    /** A stdio server reads line by line: a message holding line breaks is several messages. */
    static Expectation expectation(byte[] bytes) {
        List<Expectation> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                parts.add(ExpectationOracle.of(line));
                start = i + 1;
            }
        }
        return Expectation.combine(parts);
    }

    private void finalCheck(FuzzResult result, boolean alive) {
        if (!alive) {
            result.finalCheck(false, "the server did not survive the fuzz");
            return;
        }
        try {
            write(JsonRpc.utf8(JsonRpc.noopCall("fz-final") + "\n"));
            JsonNode answer = awaitId("\"fz-final\"");
            boolean ok = answer != null && JsonRpc.isNoopAnswer(answer);
            result.finalCheck(ok, ok ? "a valid tools/call afterwards answered correctly"
                    : "a valid tools/call afterwards got " + answer);
        } catch (IOException e) {
            result.finalCheck(false, "a valid tools/call afterwards failed: " + e.getMessage());
        }
    }

    private JsonNode awaitId(String idText) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.answerTimeoutMs());
        while (true) {
            long wait = deadline - System.nanoTime();
            byte[] line = wait > 0 ? poll(wait) : null;
            if (line == null || line == EOF) {
                return null;
            }
            try {
                JsonNode message = JsonRpc.parse(line);
                if (idText.equals(JsonRpc.idText(message)) && !message.has("method")) {
                    return message;
                }
            } catch (IOException notJson) {
                // Judged elsewhere; here only the awaited answer matters.
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        try {
            writer.submit(() -> {
                server.stdin().write(bytes);
                server.stdin().flush();
                return null;
            }).get(config.answerTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the server stopped reading its input (a write did not finish in "
                    + config.answerTimeoutMs() + " ms)");
        } catch (ExecutionException e) {
            throw new IOException("writing to the server failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void readLoop(ServerProcess process, BlockingQueue<byte[]> queue) {
        LineReader reader = new LineReader(process.stdout(), 64 * 1024 * 1024);
        try {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                queue.add(line.bytes());
            }
        } catch (IOException e) {
            // The pipe broke: the same as end of output for the fuzzer.
        }
        queue.add(EOF);
    }

    private byte[] poll(long nanos) {
        try {
            return received.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String exitNote() {
        return server.isAlive() ? "" : " (the process exited with code " + server.process().exitValue()
                + "; its stderr is in " + server.stderrLog() + ")";
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}

package dev.statamcp.bench.fuzz;

import dev.statamcp.bench.client.HttpConnection;
import dev.statamcp.bench.client.HttpConnection.Header;
import dev.statamcp.bench.client.HttpMcpClient;
import dev.statamcp.bench.client.HttpMessages;
import dev.statamcp.bench.client.HttpReply;
import dev.statamcp.bench.client.JsonRpc;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Fuzzes a server over Streamable HTTP: each fuzz message is one POST in an initialized session; a few go with
 * wrong headers (no session, an unknown session, a wrong content type or accept). Every 25 messages, and at the end,
 * a valid tool call on another connection proves the server still works.
 */
public final class HttpFuzzer {
    private static final int LIVENESS_EVERY = 25;
    private static final int OVERSIZED = 1 << 20;

    private final String host;
    private final int port;
    private final String path;
    private final FuzzConfig config;
    private final PrintStream progress;
    private final BooleanSupplier processAlive;
    private Runnable onHang = () -> { };

    private HttpFuzzer(String host, int port, String path, FuzzConfig config, PrintStream progress,
                       BooleanSupplier processAlive) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.config = config;
        this.progress = progress;
        this.processAlive = processAlive;
    }

    /** Fuzzes the server at {@code http://host:port/path}; {@code processAlive} tells if its process still runs. */
    public static FuzzResult run(String host, int port, String path, FuzzConfig config, PrintStream progress,
                                 BooleanSupplier processAlive) {
        return run(host, port, path, config, progress, processAlive, () -> { });
    }

    /** As above; {@code onHang} runs when the server stops answering (to take a thread dump, say). */
    public static FuzzResult run(String host, int port, String path, FuzzConfig config, PrintStream progress,
                                 BooleanSupplier processAlive, Runnable onHang) {
        HttpFuzzer fuzzer = new HttpFuzzer(host, port, path, config, progress, processAlive);
        fuzzer.onHang = onHang;
        return fuzzer.fuzz();
    }

    private FuzzResult fuzz() {
        FuzzResult result = new FuzzResult("Streamable HTTP", "http://" + host + ":" + port + path, config);
        long start = System.currentTimeMillis();
        HttpMcpClient session;
        try {
            session = HttpMcpClient.initialize(host, port, path);
        } catch (IOException e) {
            result.record(new FuzzMessage(-1, FuzzCategory.VALID, JsonRpc.utf8(JsonRpc.initialize(0)), Set.of()),
                    List.of(Problem.fatal("HANDSHAKE_FAILED", e.getMessage())));
            result.duration(System.currentTimeMillis() - start);
            return result;
        }
        HttpConnection connection = new HttpConnection(host, port, config.answerTimeoutMs());
        try (session) {
            MessageGenerator generator = new MessageGenerator(config.seed(), config.maxOversizeBytes());
            for (int i = config.from(); i < config.from() + config.messages(); i++) {
                FuzzMessage message = generator.generate(i);
                List<Problem> problems = exchange(connection, session, message);
                if ((i - config.from() + 1) % LIVENESS_EVERY == 0) {
                    liveness(session).ifPresent(problems::add);
                }
                result.record(message, problems);
                if (result.hasFatal()) {
                    break;
                }
                if ((i - config.from() + 1) % 1000 == 0) {
                    progress.printf("  http: %,d messages sent%n", i - config.from() + 1);
                }
            }
            finalCheck(result);
        } finally {
            if (connection.staleRetries() > 0) {
                result.note(connection.staleRetries() + " requests were sent again on a new connection: the server"
                        + " had closed the kept-alive one without a response (as after refusing an oversized body)");
            }
            connection.close();
            result.duration(System.currentTimeMillis() - start);
        }
        return result;
    }

    private List<Problem> exchange(HttpConnection connection, HttpMcpClient session, FuzzMessage message) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ (0x5DEECE66DL * (message.index() + 1)));
        boolean oddHeaders = random.nextInt(100) < 6;
        List<Header> headers = oddHeaders ? oddHeaders(session.sessionHeaders(), random) : session.sessionHeaders();
        boolean oversized = message.bytes().length >= OVERSIZED;
        List<Problem> problems = new ArrayList<>();
        HttpReply reply;
        try {
            reply = connection.post(path, headers, message.bytes());
        } catch (SocketTimeoutException e) {
            problems.add(Problem.fatal("HUNG", "no HTTP response within " + config.answerTimeoutMs() + " ms"));
            onHang.run();
            return problems;
        } catch (ConnectException e) {
            problems.add(Problem.fatal("DIED", "the server no longer accepts connections: " + e.getMessage()));
            return problems;
        } catch (IOException e) {
            if (!processAlive.getAsBoolean()) {
                problems.add(Problem.fatal("DIED", "the server process exited: " + e.getMessage()));
            } else if (!oversized) {
                problems.add(Problem.broken("NO_HTTP_RESPONSE", "the connection ended without a response: "
                        + e.getMessage()));
            }
            // An oversized body may be refused by closing the connection: allowed.
            return problems;
        }
        Expectation expectation = ExpectationOracle.of(message.bytes());
        if (reply.status() >= 500) {
            problems.add(Problem.broken("HTTP_5XX", "HTTP " + reply.status() + ": " + Printable.of(reply.body())));
            return problems;
        }
        Answers answers = new Answers(expectation, reply.status() / 100 == 2 ? message.mustSucceed() : Set.of());
        if (reply.status() / 100 == 2) {
            HttpMessages.payloads(reply).stream().filter(p -> !p.isBlank()).forEach(answers::add);
            problems.addAll(answers.problems());
            return problems;
        }
        // 4xx: refusing at the HTTP level is allowed; a body, if it claims to be JSON, must be JSON-RPC, and a
        // request with a usable id deserves a JSON-RPC error, not a bare status.
        boolean excused = oddHeaders || oversized;
        boolean unanswered = !expectation.mustAnswer().isEmpty();
        if (reply.isJson() && reply.body().length > 0) {
            answers.add(reply.bodyText());
            unanswered = false;
            for (Problem problem : answers.problems()) {
                switch (problem.kind()) {
                    case "MALFORMED", "NOT_JSON" -> {
                        problems.add(Problem.spec("HTTP_ERROR_BODY_NOT_JSONRPC", "HTTP " + reply.status()
                                + " with a JSON body that is not a JSON-RPC error: " + Printable.of(reply.body())));
                        unanswered = !expectation.mustAnswer().isEmpty();
                    }
                    case "MISSING_ANSWER" -> unanswered = true;
                    case "NO_ERROR_ANSWER" -> {
                        // An HTTP error status is the refusal; nothing more is owed for a message without an id.
                    }
                    default -> problems.add(problem);
                }
            }
        }
        if (unanswered) {
            String detail = "a request with an id " + Printable.of(String.valueOf(expectation.mustAnswer()))
                    + " got HTTP " + reply.status()
                    + " and no JSON-RPC answer: " + Printable.of(reply.body());
            problems.add(excused ? Problem.spec("HTTP_ERROR_WITHOUT_JSONRPC_ANSWER", detail)
                    : Problem.broken("HTTP_ERROR_WITHOUT_JSONRPC_ANSWER", detail));
        }
        return problems.stream().distinct().toList();
    }

    private static List<Header> oddHeaders(List<Header> session, SplittableRandom random) {
        List<Header> headers = new ArrayList<>();
        int variant = random.nextInt(6);
        for (Header header : session) {
            String name = header.name();
            if (name.equals("Mcp-Session-Id") && variant == 0) {
                continue;
            }
            if (name.equals("Mcp-Session-Id") && variant == 1) {
                headers.add(new Header(name, "00000000-fuzz-0000-0000-000000000000"));
            } else if (name.equals("Content-Type") && variant == 2) {
                headers.add(new Header(name, "text/plain"));
            } else if (name.equals("Accept") && variant == 3) {
                continue;
            } else if (name.equals("Accept") && variant == 4) {
                headers.add(new Header(name, "application/json"));
            } else if (name.equals("MCP-Protocol-Version") && variant == 5) {
                headers.add(new Header(name, "1999-01-01"));
            } else {
                headers.add(header);
            }
        }
        return headers;
    }

    private java.util.Optional<Problem> liveness(HttpMcpClient session) {
        try {
            session.callNoop(-1);
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(Problem.fatal(processAlive.getAsBoolean() ? "STOPPED_WORKING" : "DIED",
                    "a valid tools/call in the fuzzed session failed: " + e.getMessage()));
        }
    }

    private void finalCheck(FuzzResult result) {
        if (!processAlive.getAsBoolean()) {
            result.finalCheck(false, "the server process is gone");
            return;
        }
        // Tried even after a hang: whether the server recovers is worth knowing (the run has failed anyway).
        try (HttpMcpClient fresh = HttpMcpClient.initialize(host, port, path)) {
            fresh.callNoop(1);
            result.finalCheck(true, "a new session and a valid tools/call afterwards answered correctly");
        } catch (IOException e) {
            result.finalCheck(false, "a new session and a valid tools/call afterwards failed: " + e.getMessage());
        }
    }
}

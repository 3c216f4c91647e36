package dev.statamcp.bench.cli;

import dev.statamcp.bench.fuzz.FuzzConfig;
import dev.statamcp.bench.fuzz.FuzzResult;
import dev.statamcp.bench.fuzz.HttpFuzzer;
import dev.statamcp.bench.fuzz.StdioFuzzer;
import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.report.ReliabilityWriter;
import dev.statamcp.bench.report.ReportBlocks;
import dev.statamcp.bench.subject.ServerProcess;
import dev.statamcp.bench.subject.ServerSubject;
import dev.statamcp.bench.subject.Subjects;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fuzzes servers over stdio and HTTP and, if asked, writes RELIABILITY.md. Exit 1 if one of ours fails. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Sends malformed and mutated JSON-RPC messages to MCP servers and checks their answers.")
final class FuzzCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: current directory).")
    Path root = Path.of(".");

    @Option(names = "--server", description = "A known server to fuzz (repeatable): ours, java-sdk, "
            + "typescript-sdk, stata-mcp. Default: ours.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--stdio-command", description = "Fuzz this command over stdio instead (split on spaces).")
    String stdioCommand;

    @Option(names = "--url", description = "Fuzz the Streamable HTTP endpoint at this URL instead.")
    URI url;

    @Option(names = "--transport", description = "stdio, http or both (default: both).")
    String transport = "both";

    @Option(names = "--messages", description = "Messages per server and transport (default: 10000).")
    int messages = 10_000;

    @Option(names = "--seed", description = "Seed (default: a new one, printed).")
    Long seed;

    @Option(names = "--from", description = "Index of the first message (to replay one).")
    int from;

    @Option(names = "--max-oversize", description = "Largest oversized message in bytes (default: 4 MiB).")
    int maxOversize = 4 << 20;

    @Option(names = "--restart", negatable = true, description = "Over stdio, start a server of ours that died or "
            + "hung again and go on, to find every kind of failure in one run (default: on; the run still fails).")
    boolean restart = true;

    @Option(names = "--strict", description = "Also fail ours on SPEC findings.")
    boolean strict;

    @Option(names = "--report", description = "Write a Markdown report here (e.g. bench/RELIABILITY.md).")
    Path report;

    @Option(names = "--notes", description = "Markdown written by hand, included under the summary "
            + "(default: bench/reliability-notes.md if it exists).")
    Path notes;

    @Option(names = "--node", description = "Node executable for the TypeScript peer (default: node).")
    String node = "node";

    @Override
    public Integer call() throws Exception {
        Path base = root.toAbsolutePath().normalize();
        long theSeed = seed != null ? seed : System.nanoTime() & 0xFFFFFFFFL;
        System.err.printf("fuzz seed: %d%n", theSeed);
        FuzzConfig config = new FuzzConfig(theSeed, messages, from, maxOversize, 10_000, 500,
                base.resolve("bench/target/fuzz-failures"), restart);
        Path logDir = base.resolve("bench/target/logs");
        List<ReliabilityWriter.Run> runs = new ArrayList<>();
        boolean stdio = !transport.equals("http");
        boolean http = !transport.equals("stdio");

        if (stdioCommand != null || url != null) {
            if (stdioCommand != null && stdio) {
                runs.add(new ReliabilityWriter.Run("command", true, StdioFuzzer.run(List.of(stdioCommand.split(" ")),
                        base, logDir.resolve("fuzz-command.stderr.log"), config, System.err)));
            }
            if (url != null && http) {
                runs.add(new ReliabilityWriter.Run("url", true, HttpFuzzer.run(url.getHost(), url.getPort(),
                        url.getPath(), config, System.err, () -> true)));
            }
        } else {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Subjects subjects = Subjects.discover(base, java, node);
            for (String name : servers.isEmpty() ? List.of(Subjects.OURS) : servers) {
                ServerSubject subject = subjects.startup().stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown or unbuilt server: " + name
                                + "; known: " + subjects.startup().stream().map(ServerSubject::name).toList()
                                + ", missing: " + subjects.missing()));
                if (stdio) {
                    System.err.printf("== stdio fuzz of %s%n", name);
                    // Every failure of ours is wanted; for a peer the first death is enough to compare.
                    FuzzConfig forSubject = new FuzzConfig(config.seed(), config.messages(), config.from(),
                            config.maxOversizeBytes(), config.answerTimeoutMs(), config.graceMs(),
                            config.failureDir(), config.restartAfterDeath() && subject.isOurs());
                    runs.add(report(new ReliabilityWriter.Run(name, subject.isOurs(), StdioFuzzer.run(
                            subject.stdioCommand(), subject.workDir(), logDir.resolve(name + ".fuzz-stdio.stderr.log"),
                            forSubject, System.err))));
                }
                if (http && subject.hasHttp()) {
                    System.err.printf("== HTTP fuzz of %s%n", name);
                    runs.add(report(new ReliabilityWriter.Run(name, subject.isOurs(), fuzzHttp(subject, config,
                            logDir))));
                }
            }
        }
        if (report != null) {
            MachineInfo machine = MachineInfo.probe(base, node);
            Path target = report.isAbsolute() ? report : base.resolve(report);
            Path handNotes = notes != null ? notes : base.resolve("bench/reliability-notes.md");
            // The blocks other commands write (`chaos`, `soak`) stay as they were.
            String others = ReportBlocks.read(target, ChaosCommand.BLOCK)
                    + ReportBlocks.read(target, ChaosCommand.ORPHANS_BLOCK)
                    + ReportBlocks.read(target, SoakCommand.BLOCK);
            Files.writeString(target, new ReliabilityWriter().render(machine, theSeed, runs, strict,
                    Files.isRegularFile(handNotes) ? Files.readString(handNotes, StandardCharsets.UTF_8) : null)
                    + (others.isEmpty() ? "" : "\n" + others), StandardCharsets.UTF_8);
            System.err.printf("wrote %s%n", target);
        }
        boolean oursPassed = runs.stream().filter(ReliabilityWriter.Run::ours).allMatch(r -> r.result().passed(strict));
        return oursPassed ? 0 : 1;
    }

    private static ReliabilityWriter.Run report(ReliabilityWriter.Run run) {
        FuzzResult result = run.result();
        System.err.println(result.summary());
        if (!result.findings().isEmpty()) {
            System.err.println(result.describeFindings());
        }
        return run;
    }

    private static FuzzResult fuzzHttp(ServerSubject subject, FuzzConfig config, Path logDir) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(subject.httpCommand(port), subject.workDir(),
                logDir.resolve(subject.name() + ".fuzz-http.stderr.log"))) {
            server.awaitPort(port, 60_000);
            Path dump = logDir.resolve(subject.name() + ".fuzz-http.hang-threads.txt");
            return HttpFuzzer.run("127.0.0.1", port, "/mcp", config, System.err, server::isAlive,
                    () -> threadDump(server, dump));
        }
    }

    /** Saves a Java server's threads (jstack) when it hangs, so the report can say where it was stuck. */
    private static void threadDump(ServerProcess server, Path file) {
        try {
            Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
            Process process = new ProcessBuilder(jstack.toString(), Long.toString(server.pid()))
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            System.err.printf("the server hung; its threads are in %s%n", file);
        } catch (java.io.IOException e) {
            System.err.printf("the server hung; no thread dump: %s%n", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

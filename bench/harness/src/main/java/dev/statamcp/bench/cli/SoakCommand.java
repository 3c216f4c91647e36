package dev.statamcp.bench.cli;

import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.report.ReportBlocks;
import dev.statamcp.bench.soak.Bound;
import dev.statamcp.bench.soak.Soak;
import dev.statamcp.bench.soak.SoakOutcome;
import dev.statamcp.bench.soak.SoakRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The soak against the real server on the emulator; writes the soak block of RELIABILITY.md. Exit 1 on a failure. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Several clients do a mix of real jobs against one server over Streamable HTTP for a long time;"
                + " every answer is checked, and the server's heap after GC, RSS, file descriptors, threads and"
                + " processes must not grow beyond bounds.")
final class SoakCommand implements Callable<Integer> {
    static final String BLOCK = "soak";

    @Spec
    CommandSpec spec;

    @Option(names = "--root", description = "Repository root (default: current directory).")
    Path root = Path.of(".");

    @Option(names = "--minutes", description = "How long the clients keep going (default: 30).")
    int minutes = 30;

    @Option(names = "--seconds", description = "The same in seconds, for a short run (overrides --minutes).")
    Integer seconds;

    @Option(names = "--clients", description = "Clients, each with its own MCP and Stata session (default: 4).")
    int clients = 4;

    @Option(names = "--seed", description = "Seed (default: a new one, printed). Each client's jobs depend only on"
            + " the seed and its number.")
    Long seed;

    @Option(names = "--notes", description = "Markdown written by hand, included in the block (default:"
            + " bench/soak-notes.md if it exists).")
    Path notes;

    @Option(names = "--report", description = "Write the soak block into this Markdown file (e.g."
            + " bench/RELIABILITY.md); the rest of the file is kept.")
    Path report;

    @Option(names = "--from", paramLabel = "SOAK_JSON", description = "Render the block again from the record an"
            + " earlier run saved (bench/target/soak/seed-N/soak.json) instead of running: for new hand notes, or a"
            + " block another writer lost.")
    Path from;

    @Override
    public Integer call() throws Exception {
        Path base = root.toAbsolutePath().normalize();
        if (from != null) {
            if (report == null) {
                throw new ParameterException(spec.commandLine(), "--from renders a block: give --report FILE too");
            }
            SoakRecord record;
            try {
                record = SoakRecord.load(from);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the soak record " + from + ": "
                        + e.getMessage());
            }
            writeBlock(base, record);
            return record.outcome().passed() ? 0 : 1;
        }
        Duration duration = seconds != null ? Duration.ofSeconds(seconds) : Duration.ofMinutes(minutes);
        if (duration.isNegative() || duration.isZero() || clients < 1) {
            throw new ParameterException(spec.commandLine(), "--minutes/--seconds and --clients must be positive");
        }
        AppServer.requireBuilt(base);
        long theSeed = seed != null ? seed : System.nanoTime() & 0xffffffffL;
        System.err.printf("soak: %d clients for %s, seed %d%n", clients, duration.toSeconds() >= 120
                ? duration.toMinutes() + " minutes" : duration.toSeconds() + " s", theSeed);
        MachineInfo machine = MachineInfo.probe(base, "node");
        String loadBefore = MachineInfo.loadAverageNow();
        SoakOutcome outcome = Soak.run(base, duration, clients, theSeed, System.err::println);
        for (Bound b : outcome.verdict().bounds()) {
            System.err.printf("  %-42s %-11s %s%n", b.name(), b.status(), b.measured());
        }
        System.err.printf("soak: %s, %,d jobs done, %d failed%n", outcome.passed() ? "passed" : "FAILED",
                outcome.jobsDone(), outcome.failedCalls());
        outcome.failures().stream().limit(5).forEach(f -> System.err.printf("  failure at %.1f s, client %d, %s: %s"
                + " %s: %s; came back: %s%n", f.atSeconds(), f.client(), f.kind(), f.tool(), f.arguments(), f.problem(),
                f.answer().isEmpty() ? "nothing" : f.answer()));
        SoakRecord record = new SoakRecord(machine, loadBefore, MachineInfo.loadAverageNow(), outcome);
        System.err.printf("saved %s%n", record.save());
        if (report != null) {
            writeBlock(base, record);
        }
        return outcome.passed() ? 0 : 1;
    }

    private void writeBlock(Path base, SoakRecord record) throws IOException {
        Path target = report.isAbsolute() ? report : base.resolve(report);
        Path handNotes = notes != null ? notes : base.resolve("bench/" + BLOCK + "-notes.md");
        String written = Files.isRegularFile(handNotes) ? Files.readString(handNotes, StandardCharsets.UTF_8) : "";
        ReportBlocks.write(target, BLOCK, record.render() + "\n" + written.strip());
        System.err.printf("wrote %s%n", target);
    }
}

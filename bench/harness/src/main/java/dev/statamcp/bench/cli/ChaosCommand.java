package dev.statamcp.bench.cli;

import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.chaos.Chaos;
import dev.statamcp.bench.chaos.ChaosOutcome;
import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.report.ReportBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Chaos runs against the real server on the emulator; writes the chaos block of RELIABILITY.md. Exit 1 on a loss. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kills the server or Stata at random points while jobs run, then checks that every finished job"
                + " is still retrievable, the others ended failed or interrupted with their partial log, and no"
                + " Stata process is left.")
final class ChaosCommand implements Callable<Integer> {
    /** The report block of a plain series; {@code --orphans} series have their own, so both can be shown. */
    static final String BLOCK = "chaos";
    static final String ORPHANS_BLOCK = "chaos-orphans";

    @Option(names = "--root", description = "Repository root (default: current directory).")
    Path root = Path.of(".");

    @Option(names = "--runs", description = "Runs (default: 50).")
    int runs = 50;

    @Option(names = "--seed", description = "Seed (default: a new one, printed). Run N of a seed is the same run.")
    Long seed;

    @Option(names = "--orphans", description = "Each emulator leaves a child process in its process group, as real"
            + " Stata leaves its engine behind (FAKESTATA_SPAWN_ORPHAN=1).")
    boolean orphans;

    @Option(names = "--notes", description = "Markdown written by hand, included in the block (default:"
            + " bench/chaos-notes.md, or bench/chaos-orphans-notes.md with --orphans, if it exists).")
    Path notes;

    @Option(names = "--report", description = "Write the chaos block into this Markdown file (e.g."
            + " bench/RELIABILITY.md); the rest of the file is kept.")
    Path report;

    @Override
    public Integer call() throws Exception {
        Path base = root.toAbsolutePath().normalize();
        AppServer.requireBuilt(base);
        long theSeed = seed != null ? seed : System.nanoTime() & 0xffffffffL;
        System.err.printf("chaos: %d runs, seed %d%n", runs, theSeed);
        MachineInfo machine = MachineInfo.probe(base, "node");
        String loadBefore = MachineInfo.loadAverageNow();
        long start = System.nanoTime();
        List<ChaosOutcome> outcomes = new ArrayList<>();
        for (int n = 1; n <= runs; n++) {
            ChaosOutcome o = Chaos.run(base, theSeed, n, orphans);
            outcomes.add(o);
            System.err.printf("  run %2d: killed %s after %,d ms; %s%n", n, o.target(), o.killAfterMs(),
                    o.passed() ? "ok" : "FAILED: " + String.join("; ", o.problems()));
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        System.err.printf("chaos: %d of %d runs passed%n", runs - failed, runs);
        if (report != null) {
            Path target = report.isAbsolute() ? report : base.resolve(report);
            String block = orphans ? ORPHANS_BLOCK : BLOCK;
            Path handNotes = notes != null ? notes : base.resolve("bench/" + block + "-notes.md");
            String written = Files.isRegularFile(handNotes) ? Files.readString(handNotes, StandardCharsets.UTF_8) : "";
            ReportBlocks.write(target, block, Chaos.render(machine, theSeed, orphans,
                    outcomes, minutes, loadBefore, MachineInfo.loadAverageNow()) + "\n" + written.strip());
            System.err.printf("wrote %s%n", target);
        }
        return failed == 0 ? 0 : 1;
    }
}

package dev.statamcp.bench.chaos;

import dev.statamcp.bench.report.MachineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Entry points of the chaos suite: one run by number, and the Markdown block of a series of runs. */
public final class Chaos {
    private Chaos() {
    }

    /** Run {@code number} of the series {@code seed}, in a new folder under {@code bench/target/chaos}. */
    public static ChaosOutcome run(Path root, long seed, int number, boolean orphans) {
        Path dir = root.resolve("bench/target/chaos").resolve("seed-" + seed).resolve("run-" + number);
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        return new ChaosRun(root, dir, seed, number, orphans).run();
    }

    public static String render(MachineInfo machine, long seed, boolean orphans, List<ChaosOutcome> outcomes,
                                double minutes, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        long passed = outcomes.stream().filter(ChaosOutcome::passed).count();
        long serverKills = outcomes.stream().filter(o -> o.target().equals("server")).count();
        out.append(orphans ? "# Reliability: chaos, with the engine process Stata leaves behind\n\n"
                : "# Reliability: chaos\n\n");
        out.append(String.format(Locale.ROOT, "Written by `scripts/chaos%s` on %s from commit `%s`, seed %d (`scripts/"
                        + "chaos%s --seed %d` repeats the series; run N depends only on the seed and N), %d runs in %.1f"
                        + " minutes, load average %s → %s. Machine: %s, %d cores.%n%n", orphans ? " --orphans" : "",
                machine.date(), machine.commit(), seed, orphans ? " --orphans" : "", seed, outcomes.size(), minutes,
                loadBefore, loadAfter, machine.cpuModel(), machine.cores()));
        out.append("""
                Each run starts the real server (`bin/stata-mcp serve`, stdio) on the emulator with a data directory
                of its own and submits six background jobs: three in console session `a`, two in session `b`, one
                batch do-file. Each job prints `Jn START`, some lines 50–100 ms apart, then `Jn END`. At a random
                moment 0.3–6 s after the first submission the harness asks each job's status, then sends SIGKILL to
                the server (half of the runs) or to one session's Stata (the pid `stata_session` reports). After a
                server kill a new server starts on the same data directory. When every job has ended:

                - a job that had ended before the kill has the same status, and a succeeded job's result holds its
                  `START` and `END` lines;
                - every other job ended `succeeded` (with both lines), `failed` or `interrupted`, and a job that
                  started has a readable log (`resources/read` of its `log_uri`);
                - after the server's stdin is closed it exits, and within 15 s no process is left in the process
                  group of any Stata pid the server reported, nor any process pointing into the run's folder
                  (each Stata's `STATATMP` is under the data directory, so this catches batch runs and children
                  too). Processes are found by recorded pid, process group and folder, never by name.

                """);
        if (orphans) {
            out.append("`--orphans`: every emulator leaves a child (`sleep 600`) in its process group, as real Stata"
                    + " leaves its engine process behind (`FAKESTATA_SPAWN_ORPHAN=1`).\n\n");
        }
        out.append("Jobs column: `J2a r→i` is job 2 of session `a`, running before the kill, interrupted after (b: the"
                + " batch job; q queued, r running, s succeeded, f failed, i interrupted, c cancelled).\n\n");
        out.append(String.format(Locale.ROOT, "**%s**: %d of %d runs passed (%d killed the server, %d a Stata"
                        + " session).%n%n", passed == outcomes.size() ? "PASS" : "FAIL", passed, outcomes.size(),
                serverKills, outcomes.size() - serverKills));
        out.append("| run | killed | after ms | ended before the kill | succeeded | failed | interrupted | other |"
                + " jobs: status before → after | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ChaosOutcome o : outcomes) {
            long other = o.after().size() - o.count("succeeded") - o.count("failed") - o.count("interrupted");
            out.append(String.format(Locale.ROOT, "| %d | %s | %,d | %d | %d | %d | %d | %d | %s | %s |%n",
                    o.number(), o.target(), o.killAfterMs(), o.endedBefore(), o.count("succeeded"), o.count("failed"),
                    o.count("interrupted"), other, o.story(), o.passed() ? "pass" : "**FAIL**"));
        }
        boolean anyProblem = outcomes.stream().anyMatch(o -> !o.problems().isEmpty() || !o.notes().isEmpty());
        if (anyProblem) {
            out.append("\n## Findings\n\n");
            for (ChaosOutcome o : outcomes) {
                o.problems().forEach(p -> out.append("- run ").append(o.number()).append(": ").append(p).append('\n'));
                o.notes().forEach(p -> out.append("- run ").append(o.number()).append(" (note): ").append(p)
                        .append('\n'));
            }
        }
        return out.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

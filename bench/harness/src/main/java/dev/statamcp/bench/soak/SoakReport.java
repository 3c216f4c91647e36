package dev.statamcp.bench.soak;

import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The soak block of RELIABILITY.md. */
final class SoakReport {
    /** The samples table shows at most this many rows, evenly spread, the first and the last always among them. */
    static final int MAX_ROWS = 40;

    private SoakReport() {
    }

    static String render(MachineInfo machine, SoakOutcome o, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder("# Reliability: soak\n\n");
        out.append(String.format(Locale.ROOT, "Written by `scripts/soak` on %s from commit `%s`, seed %d (`scripts/soak"
                        + " --seed %d` gives each client the same jobs in the same order; how many fit in the time"
                        + " depends on the machine), %d clients for %s (the last jobs ended after %s), load average"
                        + " %s → %s. Machine: %s, %d cores, %s; %s.%n%n", machine.date(), machine.commit(), o.seed(),
                o.seed(), o.clients(), minutes(o.plannedSeconds()), minutes(o.seconds()), loadBefore,
                loadAfter, machine.cpuModel(), machine.cores(), machine.memory(), machine.java()));
        out.append(String.format(Locale.ROOT, """
                One server (`bin/stata-mcp serve --http`: the launcher, with its JVM flags, run from a copy of the
                launcher and the jars taken at the start) on the emulator, with a data directory of its own and
                `--max-sessions %d` (a Stata session per client, and the default session `stata_help` asks when a
                page is not on disk). %d clients, each with an MCP session over Streamable HTTP on a connection of
                its own and a Stata session of its own, do jobs back to back until the time is up, with a pause of
                0–%d ms between jobs. Each client starts with one job of every kind, then draws kinds by weight
                from a random stream of its own (seed and client number). Every answer is checked: a wrong
                answer, an error answer where none was expected, or no answer within %d s fails the job and is
                listed with the call and what came back.

                Every %d s the harness reads the server's resident set (VmRSS), its open file descriptors
                (`/proc/PID/fd`) and threads, counts the processes below it (its descendants and every member of
                their process groups: the Stata sessions and anything they start), and measures the live Java heap
                with `jcmd PID GC.class_histogram`, which forces a full GC and counts what survived it in the same
                pause (a heap figure read after the GC by a second command would also count what the server
                allocated in between). The live heap is the figure a leak moves; the forced GC costs the server a
                pause of milliseconds per sample and changes nothing that is alive. When the time is up the clients
                finish their jobs, the server gets SIGTERM (it drains and exits), and 15 s later no process may
                remain in any process group its Stata sessions had, nor any process pointing into the soak's folder
                (found by group and folder, never by name).

                The warm-up is the first %s of the samples (at least one); every later sample is compared with
                the warm-up's highest. The reasons for each bound are in `Verdict.java`: the live heap of a healthy
                server is its caches and a few sessions' state, all there after the warm-up, while a leak of 1 KiB
                per job adds tens of MiB in half an hour; the trend catches a leak too slow for the growth bound;
                a leaked log file, socket, pipe, thread or Stata per job would add thousands over a run, while
                concurrency moves those counts by a few.

                """, o.clients() + 1, o.clients(), SoakClient.THINK_MS, SoakSession.ANSWER_SECONDS,
                o.sampleSeconds(), percent(Verdict.WARM_UP_SHARE)));
        out.append(headline(o)).append("\n\n");

        out.append("| bound | limit | measured | verdict |\n|---|---|---|---|\n");
        for (Bound b : o.verdict().bounds()) {
            out.append("| ").append(b.name()).append(" | ").append(b.limit()).append(" | ").append(cell(b.measured()))
                    .append(" | ").append(b.statusText()).append(" |\n");
        }

        out.append("\n## Jobs by kind\n\n| kind | weight | sent, and checked in the answers | done | failed |\n"
                + "|---|---|---|---|---|\n");
        long failedJobs = 0;
        for (JobKind k : JobKind.values()) {
            long failed = o.failedByKind().getOrDefault(k.label(), 0L);
            failedJobs += failed;
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %,d | %s |%n", k.label(), k.weight(), k.what(),
                    o.doneByKind().getOrDefault(k.label(), 0L), failed == 0 ? "0" : "**" + failed + "**"));
        }
        out.append(String.format(Locale.ROOT, "| **all** | | | **%,d** | %d |%n%n", o.jobsDone(), failedJobs));
        List<String> perClient = new ArrayList<>();
        for (int i = 0; i < o.jobsByClient().size(); i++) {
            perClient.add(String.format(Locale.ROOT, "client %d: %,d", i + 1, o.jobsByClient().get(i)));
        }
        out.append("Jobs done by client: ").append(String.join(", ", perClient)).append(String.format(Locale.ROOT,
                " (%.1f jobs a second in all).%n", o.seconds() > 0 ? o.jobsDone() / o.seconds() : 0));
        long cancels = o.doneByKind().getOrDefault(JobKind.CANCEL.label(), 0L);
        out.append(String.format(Locale.ROOT, "%nOf the %,d cancels, %,d ended by the kill after the Break grace: no"
                + " `--Break--` in the output and no rc, so Break did not stop the `sleep`, Stata was killed and the"
                + " session restarted with its data lost. The check (status cancelled) passes either way; the"
                + " figure is here because a Break should stop a `sleep` at once.%n", cancels, o.cancelsByKill()));

        out.append("\n## Call latency by tool\n\nFrom the request's first byte to its whole answer, as a client sees it"
                + " (a job's calls include the time Stata takes; `stata_job_wait` waits for its job).\n\n"
                + "| tool | calls | median ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Summary> e : o.latencyByTool().entrySet()) {
            Summary s = e.getValue();
            out.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f | %.1f | %.1f |%n", e.getKey(), s.count(),
                    s.medianMs(), s.p99Ms(), s.maxMs()));
        }

        samples(out, o);

        if (!o.failures().isEmpty()) {
            out.append("\n## Failures\n\n");
            for (Failure f : o.failures()) {
                out.append(String.format(Locale.ROOT, "- %.1f s, client %d, %s job, `%s` %s: %s; came back: %s%n",
                        f.atSeconds(), f.client(), f.kind(), f.tool(), f.arguments().isEmpty() ? ""
                                : "`" + f.arguments().replace("`", "'") + "`", f.problem(),
                        f.answer().isEmpty() ? "nothing" : "`" + f.answer().replace("`", "'") + "`"));
            }
            long more = o.failedCalls() - o.failures().size();
            if (more > 0) {
                out.append(String.format(Locale.ROOT, "- … and %d more, counted but not kept%n", more));
            }
            // The soak's folder is always bench/target/soak/seed-N of the repository it ran in.
            out.append("\nThe server's log: `bench/target/soak/").append(o.serverLog().getParent().getFileName())
                    .append("/server.stderr.log`.\n");
        }
        return out.toString();
    }

    private static String headline(SoakOutcome o) {
        List<Sample> s = o.samples();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "**%s**: %,d jobs done and %d failed by %d"
                        + " clients in %s.", o.passed() ? "PASS" : "FAIL", o.jobsDone(), o.failedCalls(), o.clients(),
                minutes(o.seconds())));
        if (!s.isEmpty()) {
            Sample first = s.get(0);
            Sample last = s.get(s.size() - 1);
            line.append(String.format(Locale.ROOT, " Heap after a full GC %s MiB at the start, %s MiB at the end"
                            + " (highest %s MiB); RSS %s MiB at the start, highest %s, %s at the end; file"
                            + " descriptors %d → %d, threads %d → %d, processes below the server %d → %d.",
                    mib(first.heapKb()), mib(last.heapKb()), mib(max(s, Sample::heapKb)), mib(first.rssKb()),
                    mib(max(s, Sample::rssKb)), mib(last.rssKb()), first.fds(), last.fds(), first.threads(),
                    last.threads(), first.processes(), last.processes()));
        }
        return line.toString();
    }

    private static void samples(StringBuilder out, SoakOutcome o) {
        List<Sample> all = o.samples();
        List<Integer> rows = thin(all.size(), MAX_ROWS);
        int warm = o.verdict().warmUpSamples();
        out.append(String.format(Locale.ROOT, "%n## Samples%n%nEvery %d s; %d samples, %s. The first %d are the"
                        + " warm-up.%n%n", o.sampleSeconds(), all.size(), rows.size() == all.size()
                        ? "all shown" : rows.size() + " shown, evenly spread", warm));
        out.append("| t | | RSS MiB | heap after GC MiB | processes | fds | threads | jobs done (")
                .append(clientColumns(o.clients())).append(") |\n|---|---|---|---|---|---|---|---|\n");
        for (int i : rows) {
            Sample s = all.get(i);
            long secs = Math.round(s.seconds());
            out.append(String.format(Locale.ROOT, "| %d:%02d | %s | %s | %s | %d | %d | %d | %s |%n", secs / 60,
                    secs % 60, i < warm ? "warm-up" : "", mib(s.rssKb()), mib(s.heapKb()), s.processes(), s.fds(),
                    s.threads(), s.jobsByClient().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                            .collect(Collectors.joining(" / "))));
        }
    }

    private static String clientColumns(int clients) {
        return IntStream.rangeClosed(1, clients).mapToObj(c -> "c" + c)
                .collect(Collectors.joining(" / "));
    }

    /** Up to {@code max} indexes of {@code size}, evenly spread, first and last included. */
    static List<Integer> thin(int size, int max) {
        List<Integer> rows = new ArrayList<>();
        if (size <= max) {
            for (int i = 0; i < size; i++) {
                rows.add(i);
            }
            return rows;
        }
        for (int r = 0; r < max; r++) {
            int i = (int) Math.round(r * (size - 1) / (double) (max - 1));
            if (rows.isEmpty() || rows.get(rows.size() - 1) != i) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static double max(List<Sample> samples, ToDoubleFunction<Sample> measure) {
        return samples.stream().mapToDouble(measure).max().orElse(-1);
    }

    private static String mib(double kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.1f", kb / 1024);
    }

    private static String minutes(double seconds) {
        return seconds >= 120 ? String.format(Locale.ROOT, "%.1f minutes", seconds / 60)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

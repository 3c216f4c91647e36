package dev.statamcp.bench.report;

import dev.statamcp.bench.scenario.Measurement;
import dev.statamcp.bench.scenario.Scenario;
import dev.statamcp.bench.scenario.Settings;
import dev.statamcp.bench.scenario.TargetResult;
import dev.statamcp.bench.subject.ServerSubject;
import dev.statamcp.bench.subject.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a run as Markdown: machine, servers, the verdict on every target, then one table per figure. */
public final class ResultsWriter {
    private final StringBuilder out = new StringBuilder();

    /**
     * The whole report: machine and servers of the latest run, the verdict on every target of every stored figure,
     * the notes written by hand, then each figure's section as it was measured.
     */
    public String render(MachineInfo machine, Subjects subjects, List<StoredFigure> figures, Settings full,
                         Settings quick, String handNotes) {
        out.setLength(0);
        line("# Benchmark results");
        line("");
        line("Written by `scripts/bench` on " + machine.date() + " from commit `" + machine.commit() + "`. Each figure"
                + " is the median and the 99th percentile (nearest rank) of the measured samples; ratios are ours"
                + " divided by the peer or baseline, measured in the same run on the same machine (below 1 means ours"
                + " is faster). Each figure says when it was measured: `scripts/bench --only PREFIX` measures some"
                + " figures again and keeps the others as they were (from `RESULTS.json`, the figures this file is"
                + " rendered from).");
        line("");
        line("Sizes: " + sizes(full) + ". With `--quick` (a smoke run of the pipeline, proving nothing about speed): "
                + sizes(quick) + ".");
        line("");
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPU | " + machine.cpuModel() + ", " + machine.cores() + " cores |");
        line("| Memory | " + machine.memory() + " |");
        line("| OS | " + machine.os() + " |");
        line("| Java (harness and Java servers) | " + machine.java() + " |");
        line("| Node (TypeScript peer) | " + machine.node() + " |");
        line("");
        line("## Servers");
        line("");
        for (ServerSubject subject : subjects.startup()) {
            line("- **" + subject.name() + "** (" + (subject.isOurs() ? "this project" : "peer") + "): "
                    + subject.description());
        }
        for (String missing : subjects.missing()) {
            line("- not measured: " + missing);
        }
        line("");
        line("## Targets");
        line("");
        line("| target | verdict | numbers |");
        line("|---|---|---|");
        for (StoredFigure figure : figures) {
            for (TargetResult verdict : figure.verdicts()) {
                line("| " + verdict.label() + " | " + verdictText(verdict.verdict()) + " | " + verdict.detail()
                        + " |");
            }
        }
        line("");
        if (handNotes != null && !handNotes.isBlank()) {
            line(handNotes.strip());
            line("");
        }
        for (StoredFigure figure : figures) {
            out.append(figure.section());
        }
        return out.toString();
    }

    private static String sizes(Settings s) {
        Settings.Jobs j = s.jobs();
        return String.format(Locale.ROOT, "startup %d spawns per server (after %d warm-up); tool calls %,d per figure"
                        + " (after %,d warm-up), %d concurrent clients; output latency %d + %d + %d×10 lines; cancel"
                        + " %d Break and %d kill runs; scale %d sessions × %d jobs; volume %,d MB × %d run(s) per"
                        + " subject", s.startupRuns(), s.startupWarmup(), s.calls(), s.warmupCalls(), s.clients(),
                j.sparseLines(), j.steadyLines(), j.bursts(), j.breakRuns(), j.killRuns(), j.scaleSessions(),
                j.scaleJobs(), j.volumeBytes() / 1_000_000, j.volumeRuns());
    }

    /** One figure's section: title, when it was measured, method, table, notes and details. */
    public String section(Scenario scenario, List<Measurement> rows, String measured) {
        out.setLength(0);
        figure(scenario, rows, measured);
        return out.toString();
    }

    private void figure(Scenario scenario, List<Measurement> rows, String measured) {
        line("## " + scenario.title());
        line("");
        line("`" + scenario.id() + "`, measured " + measured + ". " + scenario.method());
        line("");
        List<Measurement> peers = rows.stream().filter(m -> !m.ours() && m.succeeded()).toList();
        boolean throughput = rows.stream().anyMatch(m -> !Double.isNaN(m.throughputPerSecond()));
        boolean cpu = rows.stream().anyMatch(m -> !Double.isNaN(m.cpuMicrosPerOp()));
        List<String> header = new ArrayList<>(List.of("server", "n", "median ms", "p99 ms", "mean ms"));
        if (throughput) {
            header.add(scenario.operation() + "s/s");
        }
        if (cpu) {
            header.add("server CPU µs/" + scenario.operation());
        }
        header.add("peak RSS MiB");
        for (Measurement peer : peers) {
            header.add("vs " + peer.subject() + " (median / p99)");
        }
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (Measurement m : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(m.ours() ? "**" + m.subject() + "**" : m.subject());
            if (!m.succeeded()) {
                cells.add("failed: " + m.note().replace('|', '/').replace('\n', ' '));
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                line("| " + String.join(" | ", cells) + " |");
                continue;
            }
            cells.add(Integer.toString(m.latency().count()));
            cells.add(num(m.latency().medianMs()));
            cells.add(num(m.latency().p99Ms()));
            cells.add(num(m.latency().meanMs()));
            if (throughput) {
                double t = m.throughputPerSecond();
                cells.add(Double.isNaN(t) ? "" : String.format(Locale.ROOT, t >= 100 ? "%,.0f" : "%.1f", t));
            }
            if (cpu) {
                cells.add(Double.isNaN(m.cpuMicrosPerOp()) ? "" : String.format(Locale.ROOT, "%.0f",
                        m.cpuMicrosPerOp()));
            }
            cells.add(m.peakRssKb() < 0 ? "" : String.format(Locale.ROOT, "%.0f", m.peakRssKb() / 1024.0));
            for (Measurement peer : peers) {
                cells.add(m.ours() ? String.format(Locale.ROOT, "%.2f× / %.2f×",
                        m.latency().medianMs() / peer.latency().medianMs(),
                        m.latency().p99Ms() / peer.latency().p99Ms()) : "");
            }
            line("| " + String.join(" | ", cells) + " |");
        }
        line("");
        for (Measurement m : rows) {
            if (m.succeeded() && !m.note().isBlank() && !m.note().matches("\\d+ clients")) {
                line("- " + m.subject() + ": " + m.note());
            }
        }
        if (rows.stream().anyMatch(m -> m.succeeded() && !m.note().isBlank() && !m.note().matches("\\d+ clients"))) {
            line("");
        }
        String details = scenario.details();
        if (details != null && !details.isBlank()) {
            line(details.strip());
            line("");
        }
    }

    private static String num(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.3f", ms);
    }

    private static String verdictText(TargetResult.Verdict verdict) {
        return switch (verdict) {
            case MET -> "met";
            case NOT_MET -> "**not met**";
            case NOT_MEASURED -> "not measured";
        };
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

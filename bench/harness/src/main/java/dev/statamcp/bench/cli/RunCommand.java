package dev.statamcp.bench.cli;

import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.report.ResultsStore;
import dev.statamcp.bench.report.ResultsWriter;
import dev.statamcp.bench.report.StoredFigure;
import dev.statamcp.bench.scenario.BenchContext;
import dev.statamcp.bench.scenario.CancelScenario;
import dev.statamcp.bench.scenario.Measurement;
import dev.statamcp.bench.scenario.OutputLatencyScenario;
import dev.statamcp.bench.scenario.VolumeScenario;
import dev.statamcp.bench.scenario.ScaleScenario;
import dev.statamcp.bench.scenario.Scenario;
import dev.statamcp.bench.scenario.Settings;
import dev.statamcp.bench.scenario.StartupScenario;
import dev.statamcp.bench.scenario.TargetResult;
import dev.statamcp.bench.scenario.ToolCallScenario;
import dev.statamcp.bench.scenario.Transport;
import dev.statamcp.bench.subject.Subjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs every figure against every server found and writes the Markdown report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Measures startup and tool-call round trips of ours and the peers, writes RESULTS.md.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: current directory).")
    Path root = Path.of(".");

    @Option(names = "--out", description = "Report to write (default: bench/RESULTS.md under the root).")
    Path out;

    @Option(names = "--quick", description = "A smoke run: few samples, minutes not tens of minutes.")
    boolean quick;

    @Option(names = "--only", split = ",", description = "Run only the figures whose id starts with one of these"
            + " (comma-separated, e.g. call.http,jobs.cancel);"
            + " the report keeps the other figures as last measured.")
    List<String> only;

    @Option(names = "--notes", description = "Markdown written by hand, included under the targets "
            + "(default: bench/results-notes.md if it exists).")
    Path notes;

    @Option(names = "--node", description = "Node executable for the TypeScript peer (default: node).")
    String node = "node";

    static List<Scenario> scenarios() {
        return List.of(
                new StartupScenario(),
                new ToolCallScenario(Transport.STDIO, false),
                new ToolCallScenario(Transport.HTTP, false),
                new ToolCallScenario(Transport.STDIO, true),
                new ToolCallScenario(Transport.HTTP, true),
                new OutputLatencyScenario(),
                new CancelScenario(CancelScenario.CancelPath.BREAK),
                new CancelScenario(CancelScenario.CancelPath.KILL),
                new ScaleScenario(),
                new VolumeScenario());
    }

    @Override
    public Integer call() throws Exception {
        Path base = root.toAbsolutePath().normalize();
        Path report = out != null ? out : base.resolve("bench/RESULTS.md");
        Path handNotes = notes != null ? notes : base.resolve("bench/results-notes.md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Subjects subjects = Subjects.discover(base, java, node);
        Settings settings = quick ? Settings.smoke() : Settings.full();
        Path logDir = base.resolve("bench/target/logs");
        Files.createDirectories(logDir);
        BenchContext context = new BenchContext(settings, subjects, base, logDir, System.err);
        MachineInfo machine = MachineInfo.probe(base, node);
        subjects.missing().forEach(m -> context.say("not measured: %s", m));

        List<Scenario> selected = scenarios().stream()
                .filter(s -> only == null || only.stream().anyMatch(s.id()::startsWith)).toList();
        Path storePath = ResultsStore.beside(report);
        Map<String, StoredFigure> stored = ResultsStore.load(storePath);
        List<Measurement> measurements = new ArrayList<>();
        List<TargetResult> verdicts = new ArrayList<>();
        for (Scenario scenario : selected) {
            context.say("== %s", scenario.title());
            String loadBefore = MachineInfo.loadAverageNow();
            List<Measurement> figure = scenario.run(context);
            for (Measurement m : figure) {
                context.say("  %-20s %s", m.subject(), m.succeeded()
                        ? String.format("median %.3f ms, p99 %.3f ms, n=%d", m.latency().medianMs(),
                                m.latency().p99Ms(), m.latency().count())
                        : "FAILED " + m.note());
            }
            measurements.addAll(figure);
            // Judged on this figure's own measurements: every target compares figures of one scenario.
            List<TargetResult> judged = scenario.judge(figure);
            verdicts.addAll(judged);
            String measured = MachineInfo.probe(base, node).date() + " at commit `" + machine.commit() + "`"
                    + (quick ? ", **--quick** (a smoke run: proves nothing about speed)" : "")
                    + ", load average " + loadBefore + " → " + MachineInfo.loadAverageNow();
            stored.put(scenario.id(), new StoredFigure(scenario.id(), measured, judged,
                    new ResultsWriter().section(scenario, figure, measured)));
        }
        // Report order is the order of scenarios(); figures no longer built are dropped.
        List<StoredFigure> figures = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (stored.containsKey(scenario.id())) {
                figures.add(stored.get(scenario.id()));
            }
        }
        ResultsStore.save(storePath, figures);
        String text = new ResultsWriter().render(machine, subjects, figures, Settings.full(), Settings.smoke(),
                Files.isRegularFile(handNotes) ? Files.readString(handNotes, StandardCharsets.UTF_8) : null);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
        verdicts.forEach(v -> context.say("%-60s %s  %s", v.label(), v.verdict(), v.detail()));
        context.say("wrote %s", report);
        return 0;
    }
}

package dev.statamcp.stata.session;

import dev.statamcp.stata.errors.ReturnCodes;
import dev.statamcp.stata.log.ErrorLocator;
import dev.statamcp.stata.log.LineClassifier;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.log.OutputBuffer;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.GraphExport;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.ConsoleProtocol.Kind;
import dev.statamcp.stata.session.ConsoleProtocol.Marker;
import dev.statamcp.stata.session.ConsoleProtocol.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Runs one piece of code in a started console and follows it to its end: types the wrapper, tails the run's log,
 * classifies and delivers lines, tracks progress, handles Break (sending the completion marker again when Stata
 * dropped the typed-ahead input) and a dying or killed process, and builds the result.
 */
final class ConsoleRun {

    /** Longest wait for the line that decides whether an output line is an error message. */
    static final Duration CLASSIFY_HOLD = Duration.ofMillis(10);
    /** After the end log shows completion, how long the main log may lag before we decide the code closed it. */
    private static final Duration MAIN_LOG_LAG = Duration.ofMillis(150);
    private static final Pattern EXIT_STATA = Pattern.compile("^(?:cap(?:ture)?\\s+)?exit\\b.*\\bSTATA\\b.*");

    /** PRE: wrapper lines before the code; INCLUDE: the include command's echo; REGION: the user's code. */
    private enum Phase { PRE, INCLUDE, REGION, AWAIT_END, POST }

    private final ConsoleRunHandle handle;
    private final StataSession session;
    private final SessionProcess proc;
    private final boolean fresh;
    private final String id;
    private final RunFiles files;
    private final boolean internal;
    private final boolean graphs;
    private final LineClassifier classifier;
    private final boolean startup;

    private Phase phase = Phase.PRE;
    private Integer rc;
    private boolean doneSeen;
    private Instant doneSeenAt;
    private boolean breakSeen;
    private Instant breakSeenAt;
    private boolean resent;
    private boolean includeEchoSeen;
    private int regionLines;
    /** When the lines of the current poll were read (see drain). */
    private Instant readAt = Instant.now();
    private String lastEcho = "";
    private List<String> graphsBefore = List.of();
    private List<String> graphsAfter;
    private List<String> graphsDrawn;
    private List<OutputLine> finalLines;

    /**
     * @param fresh the run started this Stata (reported in the result)
     * @param trackGraphs ask Stata for the graphs before and after the code
     * @param startup the session's start-up commands: Stata may still be loading, the start-up watchdog applies
     */
    ConsoleRun(ConsoleRunHandle handle, StataSession session, SessionProcess proc, boolean fresh,
               boolean trackGraphs, boolean startup) {
        this.handle = handle;
        this.session = session;
        this.proc = proc;
        this.fresh = fresh;
        this.id = handle.runId();
        this.files = RunFiles.in(proc.dir, id).withLog(handle.request().logFile());
        this.internal = handle.request().internal();
        this.graphs = trackGraphs && !internal;
        this.classifier = new LineClassifier(CLASSIFY_HOLD, handle.events()::line);
        this.startup = startup;
    }

    RunResult execute() {
        Instant started = Instant.now();
        OptionalInt restoreRc = internal ? OptionalInt.of(session.lastUserRc()) : OptionalInt.empty();
        boolean hold = handle.request().holdResults();
        try {
            String code = handle.request().code();
            Files.writeString(files.doFile(), code.endsWith("\n") ? code : code + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            return result(started, new Outcome.SessionDied("The engine could not write the run's do-file "
                    + files.doFile() + ": " + e.getMessage() + ". Check free space and permissions of the temp "
                    + "folder.", OptionalInt.empty()), List.of());
        }
        try {
            proc.type(ConsoleProtocol.preamble(id, files, graphs, hold)
                    + ConsoleProtocol.postamble(id, files, graphs, exportFor(), hold, restoreRc, false));
        } catch (IOException e) {
            // the pipe is closed: Stata is gone; the loop below reports it
        }
        handle.markRunning(started);
        return follow(started, restoreRc, hold);
    }

    private RunResult follow(Instant started, OptionalInt restoreRc, boolean hold) {
        List<String> notes = new ArrayList<>();
        try (LogTailer main = new LogTailer(files.log());
             LogTailer end = new LogTailer(files.endLog());
             LogTailer end2 = new LogTailer(files.resendEndLog())) {
            Instant lastActivity = Instant.now();
            int iteration = 0;
            while (true) {
                boolean activity = drain(main, end, end2, iteration++);
                Instant now = Instant.now();
                if (activity) {
                    lastActivity = now;
                }
                if (doneSeen && (phase == Phase.POST || now.isAfter(doneSeenAt.plus(MAIN_LOG_LAG)))) {
                    if (phase != Phase.POST) {
                        notes.add("The code closed the engine's log (for example with `log close _all`), so output "
                                + "written after that is not shown here; the run itself completed normally.");
                    }
                    classifier.finish(rcOptional(), true);
                    break;
                }
                if (!proc.alive()) {
                    drain(main, end, end2, 0); // whatever Stata wrote before it went
                    if (!doneSeen) {
                        classifier.finish(rcOptional(), false);
                        return result(started, deathOutcome(), notes);
                    }
                    classifier.finish(rcOptional(), true);
                    break;
                }
                classifier.tick(now);
                if (!startup && phase == Phase.PRE && !main.opened() && !end.exists()
                        && now.isAfter(started.plus(session.settings().startTimeout()))) {
                    // Stata was idle when the run was typed, so its log appears within milliseconds unless it
                    // cannot be written; without this the run would wait forever
                    session.stopUnresponsive("Stata did not open the run's log " + files.log() + " within "
                            + session.settings().startTimeout().toSeconds() + " s; check free space and "
                            + "permissions of " + files.log().getParent());
                }
                if (breakSeen && !resent && phase != Phase.AWAIT_END && phase != Phase.POST
                        && now.isAfter(breakSeenAt.plus(session.settings().breakResend()))) {
                    resent = true; // Stata dropped the input typed ahead of the Break: ask for the markers again
                    try {
                        proc.type(ConsoleProtocol.postamble(id, files, graphs, exportFor(), hold, restoreRc,
                                true));
                    } catch (IOException ignored) {
                        // process gone; noticed on the next turn
                    }
                }
                pace(Duration.between(lastActivity, now));
            }
        } catch (IOException e) {
            classifier.finish(rcOptional(), false);
            return result(started, new Outcome.SessionDied("The engine could not read the run's log " + files.log()
                    + ": " + e.getMessage(), OptionalInt.empty()), notes);
        }
        return result(started, finishedOutcome(), notes);
    }

    private boolean drain(LogTailer main, LogTailer end, LogTailer end2, int iteration) throws IOException {
        boolean activity = false;
        List<String> lines = main.poll();
        // One clock reading for the lines of a poll: they were read together (a flood brings hundreds at once).
        readAt = lines.isEmpty() ? readAt : Instant.now();
        for (String line : lines) {
            activity = true;
            onMainLine(line);
        }
        // The end logs appear only after the code; look at them often once the code is done, rarely before.
        if (phase == Phase.AWAIT_END || phase == Phase.POST || iteration % 16 == 0 || breakSeen) {
            for (String line : end.poll()) {
                activity = true;
                onMarkerLine(line);
            }
            if (resent) {
                for (String line : end2.poll()) {
                    activity = true;
                    onMarkerLine(line);
                }
            }
        }
        return activity;
    }

    private void onMainLine(String line) {
        switch (phase) {
            case PRE -> {
                if (ConsoleProtocol.isEndEcho(line, id)) {
                    phase = Phase.AWAIT_END; // Break hit the preamble; the resent markers follow
                } else if (isBreak(line)) {
                    noteBreak();
                } else if (marker(line, Kind.BEGIN)) {
                    phase = Phase.INCLUDE;
                } else {
                    onMarkerLine(line);
                }
            }
            case INCLUDE -> {
                // blank line after the marker, the include echo and its wrapped part, one blank line after it
                if (ConsoleProtocol.isEndEcho(line, id)) {
                    phase = Phase.AWAIT_END;
                } else if (ConsoleProtocol.isIncludeEcho(line)) {
                    includeEchoSeen = true;
                } else if (includeEchoSeen && !line.startsWith("> ")) {
                    phase = Phase.REGION;
                    if (!line.isBlank()) {
                        onMainLine(line);
                    }
                }
            }
            case REGION -> {
                if (ConsoleProtocol.isEndEcho(line, id)) {
                    phase = Phase.AWAIT_END;
                    return;
                }
                if (isBreak(line)) {
                    noteBreak();
                }
                int index = regionLines++;
                if (classifier.accept(line, readAt)) {
                    lastEcho = line.substring(2);
                    if (handle.tracker().onEcho(lastEcho, index)) {
                        handle.events().progress(handle.progress());
                    }
                }
            }
            case AWAIT_END -> {
                onMarkerLine(line);
                if (rc != null) {
                    phase = Phase.POST;
                }
            }
            case POST -> onMarkerLine(line);
        }
    }

    private void onMarkerLine(String line) {
        Optional<Marker> parsed = ConsoleProtocol.parse(line);
        if (parsed.isEmpty() || !parsed.get().runId().equals(id)) {
            return;
        }
        Marker m = parsed.get();
        switch (m.kind()) {
            case END, RC -> {
                if (rc == null) {
                    rc = parseInt(m.value());
                }
            }
            case G0 -> graphsBefore = names(m.value());
            case G1 -> graphsAfter = names(m.value());
            case GL -> graphsDrawn = names(m.value());
            case DONE -> {
                if (!doneSeen) {
                    doneSeen = true;
                    doneSeenAt = Instant.now();
                }
            }
            default -> {
                // BEGIN outside PRE, INFO and PROBE are read from the output by the caller
            }
        }
    }

    private Optional<GraphExport> exportFor() {
        if (!graphs) {
            return Optional.empty();
        }
        Optional<GraphExport> export = handle.request().graphExport();
        export.ifPresent(x -> {
            try {
                Files.createDirectories(x.dir());
            } catch (IOException e) {
                // Stata's export fails under capture and the graph is reported missing; nothing else breaks
            }
        });
        return export;
    }

    private boolean marker(String line, Kind kind) {
        return ConsoleProtocol.parse(line).filter(m -> m.kind() == kind && m.runId().equals(id)).isPresent();
    }

    private static boolean isBreak(String line) {
        return line.strip().equals("--Break--");
    }

    private void noteBreak() {
        if (!breakSeen) {
            breakSeen = true;
            breakSeenAt = Instant.now();
        }
    }

    private OptionalInt rcOptional() {
        return rc == null ? OptionalInt.empty() : OptionalInt.of(breakSeen ? 1 : rc);
    }

    private Outcome finishedOutcome() {
        int code = rc == null ? 0 : rc;
        if (breakSeen || (code == 1 && session.breakRequested(handle))) {
            return new Outcome.Broken();
        }
        if (!internal) {
            session.setLastUserRc(code);
        }
        if (code == 0) {
            return new Outcome.Succeeded();
        }
        OutputBuffer buffer = handle.events().buffer();
        List<OutputLine> lines = finalLines();
        ErrorLocator.Located located = ErrorLocator.locate(lines, code);
        OptionalInt line = located.returnCodeIndex() < 0 ? OptionalInt.empty()
                : handle.tracker().lineAt((int) buffer.arrivalIndex(located.returnCodeIndex()));
        Optional<String> message = located.message().or(() -> ReturnCodes.standard().message(code));
        return new Outcome.StataError(code, message, line, located.command());
    }

    private Outcome deathOutcome() {
        Optional<Outcome> killed = session.killOutcome(handle);
        if (killed.isPresent()) {
            return killed.get();
        }
        OptionalInt exit = proc.exitCode();
        String echo = lastEcho.strip();
        if (EXIT_STATA.matcher(echo).matches()) {
            return new Outcome.SessionDied("The code ended Stata (`" + echo + "`). Data and settings of the "
                    + "session are gone; the next run starts a fresh Stata.", exit);
        }
        String words = proc.lastWords();
        return new Outcome.SessionDied("Stata stopped unexpectedly while running this code"
                + exit.stream().mapToObj(c -> " (exit code " + c + ")").findFirst().orElse("")
                + ". Data and settings of the session are lost; the next run starts a fresh Stata."
                + (words.isEmpty() ? "" : " Stata's last output:\n" + words), exit);
    }

    private RunResult result(Instant started, Outcome outcome, List<String> notes) {
        OutputBuffer buffer = handle.events().buffer();
        List<String> allNotes = new ArrayList<>(notes);
        if (buffer.omitted() > 0) {
            allNotes.add(buffer.omitted() + " output lines in the middle are not kept in memory; the whole output is "
                    + "in " + files.log() + ".");
        }
        return new RunResult(id, outcome, finalLines(), graphNames(), started, Instant.now(),
                Optional.of(files.log()), fresh, allNotes, buffer.omitted(), buffer.headSize());
    }

    /** The delivered lines with their kinds decided again on the whole output. */
    private List<OutputLine> finalLines() {
        if (finalLines == null) {
            finalLines = handle.events().buffer().reclassified(rcOptional());
        }
        return finalLines;
    }

    /** Graphs drawn during the run that still exist, then graphs that are new by name. */
    private List<String> graphNames() {
        if (!graphs) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        if (graphsDrawn != null) {
            for (String g : graphsDrawn) {
                if (graphsAfter == null || graphsAfter.contains(g)) {
                    out.add(g);
                }
            }
        }
        if (graphsAfter != null) {
            for (String g : graphsAfter) {
                if (!graphsBefore.contains(g)) {
                    out.add(g);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> names(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Tight polling while output flows, easing off when Stata is quiet (a busy wait would cost a core). */
    private static void pace(Duration idle) {
        long millis = idle.toMillis();
        long nanos = millis < 50 ? 500_000 : millis < 1000 ? 2_000_000 : 10_000_000;
        LockSupport.parkNanos(nanos);
    }
}

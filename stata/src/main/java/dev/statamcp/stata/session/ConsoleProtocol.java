package dev.statamcp.stata.session;

import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.run.GraphExport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines the engine types into a Stata console around each run, and the markers it reads back from its logs.
 *
 * <p>Per run: a text log with a unique name (user logs, named or not, are never closed or touched), then
 * {@code capture noisily include <run>.do}, then markers. {@code include} rather than {@code do}: the code runs at
 * the session's top level, so locals defined in one run are there in the next, as when typing at the Stata prompt.
 * Markers are displayed as two string literals ({@code "__SMCP_" "END_..."}) so the echo of the command never
 * contains the marker text itself. After the code come: the return code ({@code _rc} of the capture, which is what
 * the user's {@code _rc} holds afterwards, as after their own {@code capture noisily}); a second small log
 * ({@code .end}) so completion is seen even when the code closed all logs ({@code log close _all}); graph queries
 * inside {@code _return hold}/{@code restore} so {@code r()} is untouched; and the final {@code DONE} marker. No
 * command after the code is under {@code capture}, so {@code _rc} keeps the run's value.
 */
final class ConsoleProtocol {

    private static final Pattern MARKER = Pattern.compile("^__SMCP_([A-Z0-9]+)_([a-z0-9]+)__(?: (.*))?$");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Kinds of marker lines. */
    enum Kind { BEGIN, END, RC, G0, G1, GL, DONE, INFO, PROBE }

    record Marker(Kind kind, String runId, String value) {
    }

    private ConsoleProtocol() {
    }

    /** A run id: short, lowercase, unique across processes, usable inside Stata names. */
    static String newRunId() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 5; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.append(Long.toString(COUNTER.incrementAndGet(), 36)).toString();
    }

    /** Files of one run. */
    record RunFiles(Path doFile, Path log, Path endLog, Path resendEndLog) {
        static RunFiles in(Path dir, String runId) {
            return new RunFiles(dir.resolve("run-" + runId + ".do"), dir.resolve("run-" + runId + ".log"),
                    dir.resolve("run-" + runId + ".end"), dir.resolve("run-" + runId + ".end2"));
        }

        /** The same files with the main log where the caller wants it. */
        RunFiles withLog(Optional<Path> callerLog) {
            return callerLog.map(l -> new RunFiles(doFile, l, endLog, resendEndLog)).orElse(this);
        }
    }

    /** What the engine types before the code. */
    static String preamble(String runId, RunFiles files, boolean trackGraphs, boolean holdResults) {
        StringBuilder b = new StringBuilder(512);
        b.append("quietly log using ").append(StataQuoting.quote(files.log())).append(", text replace name(_smcp")
                .append(runId).append(")\n");
        if (trackGraphs) {
            b.append("_return hold _smcpg").append(runId).append('\n');
            b.append("quietly graph dir, memory\n");
            marker(b, Kind.G0, runId, " `r(list)'");
            b.append("quietly _gr_list off\n");
            b.append("quietly _gr_list on\n");
            b.append("_return restore _smcpg").append(runId).append('\n');
        }
        if (holdResults) {
            b.append("_return hold _smcpq").append(runId).append('\n');
        }
        marker(b, Kind.BEGIN, runId, "");
        b.append("capture noisily include ").append(StataQuoting.quote(files.doFile())).append('\n');
        return b.toString();
    }

    /**
     * What the engine types after the code.
     *
     * @param restoreRc for internal queries: the user's {@code _rc} to put back
     * @param resend true for the copy sent again after a Break (a second end log, the main log may be closed)
     */
    static String postamble(String runId, RunFiles files, boolean trackGraphs, boolean holdResults,
                            OptionalInt restoreRc, boolean resend) {
        return postamble(runId, files, trackGraphs, Optional.empty(), holdResults, restoreRc, resend);
    }

    /**
     * @param export when present, the graphs the code drew are exported right here, before the session takes its
     *        next run (each under capture: a graph Stata cannot export is left out, not an error)
     */
    static String postamble(String runId, RunFiles files, boolean trackGraphs, Optional<GraphExport> export,
                            boolean holdResults, OptionalInt restoreRc, boolean resend) {
        StringBuilder b = new StringBuilder(512);
        String endName = "_smcpe" + runId + (resend ? "b" : "");
        b.append("display \"__SMCP_\" \"END_").append(runId).append("__ \" _rc\n");
        b.append("quietly log using ").append(StataQuoting.quote(resend ? files.resendEndLog() : files.endLog()))
                .append(", text replace name(").append(endName).append(")\n");
        b.append("display \"__SMCP_\" \"RC_").append(runId).append("__ \" _rc\n");
        if (trackGraphs) {
            b.append("_return hold _smcpg").append(runId).append('\n');
            b.append("quietly _gr_list list\n");
            marker(b, Kind.GL, runId, " `r(_grlist)'");
            export.ifPresent(x -> exportGraphs(b, runId, x));
            b.append("quietly graph dir, memory\n");
            marker(b, Kind.G1, runId, " `r(list)'");
            b.append("_return restore _smcpg").append(runId).append('\n');
        }
        if (holdResults) {
            b.append("_return restore _smcpq").append(runId).append('\n');
        }
        restoreRc.ifPresent(rc -> b.append("capture error ").append(rc).append('\n'));
        marker(b, Kind.DONE, runId, "");
        b.append("quietly log close ").append(endName).append('\n');
        if (!resend) {
            b.append("quietly log close _smcp").append(runId).append('\n');
        } else {
            // The Break may have thrown away the first copy, with it the command closing the run's log; close it
            // here (it may be open or not) and give _rc back the value the run left.
            b.append("local _smcprc = _rc\n");
            b.append("capture quietly log close _smcp").append(runId).append('\n');
            b.append("capture error `_smcprc'\n");
            b.append("local _smcprc\n");
        }
        return b.toString();
    }

    /** Exports each graph listed in {@code r(_grlist)} (expanded once, when the loop is read) as PNG. */
    private static void exportGraphs(StringBuilder b, String runId, GraphExport x) {
        String loopVar = "_smcpx" + runId;
        String target = StataQuoting.quote(x.dir().resolve(GraphExport.fileName("SMCPGRAPHNAME")))
                .replace("SMCPGRAPHNAME", "`" + loopVar + "'");
        b.append("foreach ").append(loopVar).append(" in `r(_grlist)' {\n");
        b.append("capture quietly graph display `").append(loopVar).append("'\n");
        b.append("capture quietly graph export ").append(target).append(", replace width(").append(x.width())
                .append(")\n");
        b.append("}\n");
        b.append("local ").append(loopVar).append('\n');
    }

    /** True for the echo of the wrapper's include command (possibly wrapped onto {@code > } lines after it). */
    static boolean isIncludeEcho(String line) {
        return line.startsWith(". capture noisily include ");
    }

    /** True for the echo of the END marker command: where the user's code ends in the main log. */
    static boolean isEndEcho(String line, String runId) {
        String prefix = ". display \"__SMCP_\" \"END_";
        if (!line.startsWith(prefix)) {
            return false;
        }
        String rest = line.substring(prefix.length());
        return rest.startsWith(runId) || runId.startsWith(rest); // the echo may wrap inside the id
    }

    static Optional<Marker> parse(String line) {
        Matcher m = MARKER.matcher(line.stripTrailing());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(m.group(1));
            return Optional.of(new Marker(kind, m.group(2), m.group(3) == null ? "" : m.group(3).strip()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static void marker(StringBuilder b, Kind kind, String runId, String tail) {
        b.append("display \"__SMCP_\" \"").append(kind).append('_').append(runId).append("__").append(tail)
                .append("\"\n");
    }

    /** Code run once when a session starts (as an internal run). */
    static String initCode(String runId, int lineSize, boolean probeGraphs) {
        StringBuilder b = new StringBuilder();
        b.append("set more off\n");
        b.append("set linesize ").append(lineSize).append('\n');
        info(b, runId, "stata_version", "c(stata_version)");
        info(b, runId, "edition", "c(edition)");
        info(b, runId, "mp", "c(MP)");
        info(b, runId, "se", "c(SE)");
        // c(emulator) exists only in the emulator; real Stata shows a missing value or an error (captured).
        info(b, runId, "emulator", "c(emulator)");
        if (probeGraphs) {
            b.append("capture quietly graph dir, memory\n");
            b.append("display \"__SMCP_\" \"PROBE_").append(runId).append("__ graphdir \" _rc\n");
            b.append("capture quietly _gr_list on\n");
            b.append("display \"__SMCP_\" \"PROBE_").append(runId).append("__ grlist \" _rc\n");
        }
        return b.toString();
    }

    /** Under capture: a c() value that does not exist in this Stata (c(edition) before 17) prints nothing. */
    private static void info(StringBuilder b, String runId, String key, String cValue) {
        b.append("capture noisily display \"__SMCP_\" \"INFO_").append(runId).append("__ ").append(key)
                .append("=\" ").append(cValue).append('\n');
    }
}

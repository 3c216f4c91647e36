package dev.statamcp.fakestata.out;

import dev.statamcp.fakestata.log.LogFile;
import dev.statamcp.fakestata.log.LogSet;
import java.util.List;

/**
 * Everything a session prints goes through here, to the screen (console mode) and to every open log that is on.
 * It applies {@code quietly} (no output, errors still shown), {@code capture} (no output, no errors) and
 * {@code noisily}, tracks the output column for {@code _col()}, and counts screen lines for {@code --more--}.
 */
public final class Output {
    private final Sink screen;
    private final LogSet logs;
    private final ExitFlush exitFlush = new ExitFlush();
    private Pager pager;
    private boolean quiet;
    private boolean errorsQuiet;
    private int column;
    private int screenLines;

    /** @param screen the console's stdout, or null in batch mode */
    public Output(Sink screen, LogSet logs) {
        this.screen = screen;
        this.logs = logs;
    }

    /** The hand-over of the output buffers to the shutdown hook; this session's printing thread made it. */
    public ExitFlush exitFlush() {
        return exitFlush;
    }

    public void setPager(Pager pager) {
        this.pager = pager;
    }

    public LogSet logs() {
        return logs;
    }

    public boolean hasScreen() {
        return screen != null;
    }

    // ---- verbosity ------------------------------------------------------------------------------------------

    /** The verbosity in force, to restore after a prefix. */
    public record Verbosity(boolean quiet, boolean errorsQuiet) {
    }

    public Verbosity verbosity() {
        return new Verbosity(quiet, errorsQuiet);
    }

    public void restore(Verbosity v) {
        quiet = v.quiet();
        errorsQuiet = v.errorsQuiet();
    }

    public void setQuiet() {
        quiet = true;
    }

    public void setCaptured() {
        quiet = true;
        errorsQuiet = true;
    }

    public void setNoisy() {
        quiet = false;
        errorsQuiet = false;
    }

    public boolean isQuiet() {
        return quiet;
    }

    // ---- ordinary output --------------------------------------------------------------------------------------

    /** Prints text that may contain newlines, in one style. */
    public void print(Style style, String text) {
        if (quiet) {
            trackColumn(text);
            return;
        }
        emit(style, text);
    }

    /**
     * Prints one piece of text without newlines whose UTF-8 bytes are already known (see
     * {@link Sink#text(Style, String, byte[])}).
     */
    public void print(Style style, String text, byte[] utf8) {
        if (quiet) {
            column += text.length();
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        if (screen != null) {
            screen.text(style, text, utf8);
        }
        List<LogFile> all = logs.all();
        for (int i = 0; i < all.size(); i++) {
            LogFile log = all.get(i);
            if (log.isOn()) {
                log.text(style, text, utf8);
            }
        }
        column += text.length();
    }

    /**
     * Whole lines, encoded, each ending with a newline, written as one block to every destination; false (nothing
     * written) when the output is not at the start of a line, when {@code --more--} may have to pause within them, or
     * when a destination needs them piece by piece (an SMCL log): the caller then prints them piece by piece.
     */
    public boolean printLines(byte[] utf8, int count) {
        if (column != 0) {
            return false;
        }
        if (quiet) {
            return true;
        }
        if (screen != null && (!screen.takesPlainLines() || pager != null && pager.linesPerPage() > 0)) {
            return false;
        }
        List<LogFile> all = logs.all();
        for (int i = 0; i < all.size(); i++) {
            LogFile log = all.get(i);
            if (log.isOn() && !log.takesPlainLines()) {
                return false;
            }
        }
        if (screen != null) {
            screen.lines(utf8, count);
            screenLines += count;
        }
        for (int i = 0; i < all.size(); i++) {
            LogFile log = all.get(i);
            if (log.isOn()) {
                log.lines(utf8, count);
            }
        }
        exitFlush.checkpoint();
        return true;
    }

    public void println(Style style, String text) {
        print(style, text);
        newline();
    }

    public void txt(String text) {
        println(Style.TXT, text);
    }

    public void newline() {
        column = 0;
        if (quiet) {
            return;
        }
        emitNewline();
    }

    /** Column of the next character on the current output line, counting from 0. */
    public int column() {
        return column;
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    /** An error message (possibly several lines): shown even under {@code quietly}, hidden under {@code capture}. */
    public void error(String message) {
        if (errorsQuiet) {
            return;
        }
        if (column > 0) {
            emitNewline();
            column = 0;
        }
        String[] lines = message.split("\n", -1);
        for (String line : lines) {
            emit(Style.ERR, line);
            emitNewline();
            column = 0;
        }
    }

    /** The {@code r(N);} line that ends a failed command. */
    public void returnCode(int rc) {
        if (errorsQuiet) {
            return;
        }
        String plain = "r(" + rc + ");";
        String smcl = "{txt}{search r(" + rc + "), local:r(" + rc + ");}";
        if (screen != null) {
            screen.smcl(smcl, Style.TXT, plain);
        }
        for (LogFile log : logs.all()) {
            if (log.isOn()) {
                log.smcl(smcl, Style.TXT, plain);
            }
        }
        emitNewline();
        column = 0;
    }

    /** Text that belongs to the error framing ({@code end of do-file}): visible unless captured. */
    public void errorFraming(String text) {
        if (errorsQuiet) {
            return;
        }
        if (!text.isEmpty()) {
            emit(Style.TXT, text);
        }
        emitNewline();
        column = 0;
    }

    // ---- echo and prompt -------------------------------------------------------------------------------------

    /** A command echo such as {@code . display 1} or {@code   2. }}, already wrapped; suppressed when quiet. */
    public void echo(List<String> lines) {
        if (quiet) {
            return;
        }
        for (String line : lines) {
            emit(Style.COM, line);
            emitNewline();
        }
        column = 0;
    }


    /**
     * The echo of a line read at the prompt: logs get the prompt and the line; the screen gets the line only when
     * the terminal did not already show it (stdin is not a terminal).
     */
    public void inputEcho(List<String> wrapped, int promptLength, boolean toScreen) {
        if (quiet) {
            return;
        }
        for (int i = 0; i < wrapped.size(); i++) {
            String line = wrapped.get(i);
            if (screen != null && toScreen) {
                screen.text(Style.COM, i == 0 ? line.substring(promptLength) : line);
                screen.newline();
            }
            for (LogFile log : logs.all()) {
                if (log.isOn()) {
                    log.text(Style.COM, line);
                    log.newline();
                }
            }
        }
        column = 0;
    }

    /** Text for the screen only (prompts, the typed line, the {@code --more--} pause); resets the page count. */
    public void screenOnly(String text, boolean newline, boolean flush) {
        if (screen != null) {
            screen.text(Style.TXT, text);
            if (newline) {
                screen.newline();
            }
            if (flush) {
                screen.flush();
            }
        }
        screenLines = 0;
    }

    /** Written to the logs only, never the screen: used by log headers in SMCL form. */
    public void smclToLog(LogFile log, String smcl, Style after) {
        log.rawSmcl(smcl, after);
    }

    // ---- flushing --------------------------------------------------------------------------------------------

    /** Called at poll points: gives the logs a chance to flush what a flood left pending. */
    public void poll() {
        exitFlush.checkpoint();
        if (screen != null) {
            screen.flushIfDue();
        }
        List<LogFile> all = logs.all();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).flushIfDue();
        }
    }

    /** Before waiting (sleep, stdin, --more--): logs (and a batch log) to disk; a console's stdout stays buffered. */
    public void flushLogs() {
        logs.flushAll();
        if (screen instanceof LogFile batchLog) {
            batchLog.flush();
        }
    }

    /** Flushes the logs before the printing thread blocks, and lets the shutdown hook flush them meanwhile. */
    public void beginWait() {
        flushLogs();
        exitFlush.waiting();
    }

    /** The printing thread goes on after {@link #beginWait}. */
    public void endWait() {
        exitFlush.resume();
    }

    public void flushAll() {
        logs.flushAll();
        if (screen != null) {
            screen.flush();
        }
    }

    public void resetPaging() {
        screenLines = 0;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void emit(Style style, String text) {
        int start = 0;
        int nl;
        while ((nl = text.indexOf('\n', start)) >= 0) {
            emitSegment(style, text, start, nl);
            emitNewline();
            column = 0;
            start = nl + 1;
        }
        emitSegment(style, text, start, text.length());
    }

    private void emitSegment(Style style, String text, int from, int to) {
        if (from == to) {
            return;
        }
        CharSequence seg = from == 0 && to == text.length() ? text : text.subSequence(from, to);
        if (screen != null) {
            screen.text(style, seg);
        }
        List<LogFile> all = logs.all();
        for (int i = 0; i < all.size(); i++) {
            LogFile log = all.get(i);
            if (log.isOn()) {
                log.text(style, seg);
            }
        }
        column += to - from;
    }

    private void emitNewline() {
        if (screen != null) {
            screen.newline();
            screenLines++;
        }
        List<LogFile> all = logs.all();
        for (int i = 0; i < all.size(); i++) {
            LogFile log = all.get(i);
            if (log.isOn()) {
                log.newline();
            }
        }
        exitFlush.checkpoint();
        if (screen != null && pager != null) {
            int page = pager.linesPerPage();
            if (page > 0 && screenLines >= page) {
                screenLines = 0;
                pager.pause();
            }
        }
    }

    private void trackColumn(String text) {
        int nl = text.lastIndexOf('\n');
        column = nl >= 0 ? text.length() - nl - 1 : column + text.length();
    }
}

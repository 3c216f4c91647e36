package dev.statamcp.server.cli.progress;

/**
 * Where a followed run is shown: a live bar redrawn in place on a terminal, or plain lines when the output is a
 * file or a pipe. Called from several threads (log lines arrive on the executor's, frames on a ticker's).
 */
public sealed interface RunDisplay permits TerminalDisplay, PlainDisplay {

    /** A line of Stata's log, shown as it arrives. */
    void line(String text);

    /** A message from stata-mcp itself (not Stata's output). */
    void note(String text);

    /** The job's current position; called a few times a second. */
    void frame(ProgressFrame frame);

    /** The run has ended: take the bar off the screen. */
    void close();

    /** The display for this process's standard output. */
    static RunDisplay forStdout(java.io.PrintStream out, Mode mode) {
        boolean terminal = switch (mode) {
            case BAR -> true;
            case PLAIN -> false;
            case AUTO -> TerminalInfo.stdoutIsTerminal();
        };
        return terminal ? new TerminalDisplay(out, TerminalInfo.columns()) : new PlainDisplay(out);
    }

    /** {@code --progress}: auto (a bar on a terminal), bar, or plain. */
    enum Mode { AUTO, BAR, PLAIN }
}

package dev.statamcp.server.cli.progress;

import java.io.PrintStream;

/**
 * A progress line kept at the bottom of the terminal and redrawn in place ({@code \r} then erase to the end of
 * the line). Log lines are printed above it: the bar is erased, the line written, and the bar drawn again on the
 * next frame, so a flood of output costs no extra redraws. Frames come a few times a second; an unchanged frame is
 * not drawn again.
 */
public final class TerminalDisplay implements RunDisplay {
    private static final String ERASE_LINE = "\r\033[K";

    private final PrintStream out;
    private final int width;
    private long tick;
    private String shown;
    private ProgressFrame last;

    public TerminalDisplay(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public synchronized void line(String text) {
        erase();
        out.print(text);
        out.print('\n');
        out.flush();
    }

    @Override
    public synchronized void note(String text) {
        line(text);
        if (last != null) {
            draw(ProgressLine.render(last, width, tick));
        }
    }

    @Override
    public synchronized void frame(ProgressFrame frame) {
        last = frame;
        tick++;
        String text = ProgressLine.render(frame, width, tick);
        if (!text.equals(shown)) {
            draw(text);
        }
    }

    @Override
    public synchronized void close() {
        erase();
        out.flush();
    }

    private void draw(String text) {
        out.print(ERASE_LINE);
        out.print(text);
        out.flush();
        shown = text;
    }

    private void erase() {
        if (shown != null) {
            out.print(ERASE_LINE);
            shown = null;
        }
    }
}

package dev.statamcp.server.cli.progress;

import dev.statamcp.server.jobs.JobStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders a {@link ProgressFrame} as one terminal line: a bar, commands done out of the total, the elapsed time
 * and the last line Stata wrote, cut to the terminal's width (a line that wraps cannot be redrawn in place). ASCII
 * only, so it reads the same in every terminal encoding.
 */
public final class ProgressLine {
    static final int BAR_WIDTH = 24;

    private ProgressLine() {
    }

    /**
     * @param width the terminal's columns
     * @param tick  a counter that moves the marker of a bar whose total is unknown
     */
    public static String render(ProgressFrame f, int width, long tick) {
        StringBuilder b = new StringBuilder();
        if (f.status() == JobStatus.QUEUED) {
            b.append("waiting for Stata  ").append(clock(f.elapsed()));
        } else {
            b.append(bar(f.done(), f.total(), tick)).append(' ');
            b.append(f.done());
            if (f.total() != null) {
                b.append('/').append(f.total());
            }
            b.append(f.total() != null && f.total() == 1 ? " command  " : " commands  ");
            b.append(clock(f.elapsed()));
        }
        if (f.state() != null && !f.state().isBlank()) {
            b.append("  (").append(clean(f.state())).append(')');
        }
        String last = f.lastLine() == null ? "" : clean(f.lastLine());
        if (!last.isEmpty()) {
            b.append("  | ").append(last);
        }
        // One column short of the width: writing into the last column makes some terminals wrap at once.
        int max = Math.max(20, width - 1);
        return b.length() <= max ? b.toString() : b.substring(0, max - 3) + "...";
    }

    static String bar(long done, Long total, long tick) {
        char[] cells = new char[BAR_WIDTH];
        java.util.Arrays.fill(cells, ' ');
        if (total != null && total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            for (int i = 0; i < filled; i++) {
                cells[i] = '=';
            }
            if (filled < BAR_WIDTH) {
                cells[filled] = '>';
            }
        } else {
            // Total unknown: a marker that bounces, so the bar still shows that something is alive.
            int span = BAR_WIDTH - 3;
            int pos = (int) (tick % (2L * span));
            int at = pos <= span ? pos : 2 * span - pos;
            cells[at] = '<';
            cells[at + 1] = '=';
            cells[at + 2] = '>';
        }
        return "[" + new String(cells) + "]";
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A log line made safe to draw: no control characters (they would move the cursor), spaces collapsed. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!space && b.length() > 0) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString().strip();
    }
}

package dev.statamcp.stata.log;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Classifies log lines as echo, output or error while they stream in, and hands each line on as soon as its kind
 * is known.
 *
 * <p>Some kinds need the lines after them: an error message is only known as such when {@code r(N);} follows, and
 * {@code r(N);} is an error only when the do-file framing ({@code end of do-file}, another {@code r(N);},
 * {@code --Break--}) follows it, never when a command merely displayed it. Such lines are held back for at most
 * {@code hold} (Stata writes a message and its {@code r(N);} together, so the answer normally arrives in the same
 * read) and then released as output. Blank lines, bare {@code . } echoes and {@code end of do-file} are held until
 * a later line shows they are not the end of the engine's wrapper do-file, whose framing the user never wrote and
 * does not see. Lines are never reordered, so the n-th line accepted (and kept) is the n-th line delivered.
 */
public final class LineClassifier {

    private static final int MAX_MESSAGE_LINES = 20;

    private final Duration hold;
    private final Consumer<OutputLine> sink;
    /**
     * Lines waiting for a decision, from index {@link #head} on: a list rather than a deque, so that a decision reads
     * the lines ahead of the head where they are, without copying them (a flood holds up to 20 lines per decision).
     */
    private final ArrayList<Pending> pending = new ArrayList<>();
    private int head;
    private OutputLine lastDelivered;
    private int deliveredCount;
    private LineSyntax previous;
    private boolean finished;
    private OptionalInt finalRc = OptionalInt.empty();

    /**
     * @param hold longest time a line may wait for the line that decides its kind
     * @param sink receives each line once its kind is decided, in order (may be a no-op)
     */
    public LineClassifier(Duration hold, Consumer<OutputLine> sink) {
        this.hold = hold;
        this.sink = sink;
    }

    /** Classifies a complete log at once: every line has all the lines after it, so nothing waits for time. */
    public static List<OutputLine> classifyAll(List<String> lines, OptionalInt rc, boolean dropWrapperFraming) {
        List<OutputLine> out = new ArrayList<>(lines.size());
        LineClassifier c = new LineClassifier(Duration.ofDays(1), out::add);
        for (String line : lines) {
            c.accept(line, Instant.EPOCH);
        }
        c.finish(rc, dropWrapperFraming);
        return out;
    }

    /**
     * The kinds of already delivered lines decided again with the whole output at hand (timestamps kept). Live
     * decisions that had to be made on time (a message whose {@code r(N);} came late on a busy machine) are
     * corrected this way in the final result.
     */
    public static List<OutputLine> reclassify(List<OutputLine> lines, OptionalInt rc) {
        List<String> texts = new ArrayList<>(lines.size());
        for (OutputLine l : lines) {
            texts.add(l.text());
        }
        List<OutputLine> decided = classifyAll(texts, rc, false);
        List<OutputLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(new OutputLine(lines.get(i).at(), decided.get(i).kind(), lines.get(i).text()));
        }
        return out;
    }

    /** Accepts the next raw line read at {@code at}; returns the line's shape for callers tracking echoes. */
    public boolean accept(String text, Instant at) {
        if (finished) {
            throw new IllegalStateException("classifier already finished");
        }
        LineSyntax syntax = LineSyntax.of(text, previous);
        previous = syntax;
        pending.add(new Pending(text, at, syntax));
        release(at);
        return syntax == LineSyntax.ECHO_START;
    }

    /** Releases lines that have waited longer than the hold time. Call on every poll, even without new lines. */
    public void tick(Instant now) {
        release(now);
    }

    /**
     * Ends the stream.
     *
     * @param rc the run's return code when known (decides a trailing {@code r(N);})
     * @param dropWrapperFraming when true, the final {@code end of do-file} and the blank and {@code . } lines
     *        around it belong to the engine's wrapper and are dropped
     */
    public void finish(OptionalInt rc, boolean dropWrapperFraming) {
        if (finished) {
            return;
        }
        finished = true;
        finalRc = rc;
        release(Instant.MAX);
        List<Pending> rest = new ArrayList<>(waiting());
        pending.clear();
        head = 0;
        if (dropWrapperFraming) {
            trimWrapperFraming(rest);
        }
        for (Pending p : rest) {
            deliver(p, p.syntax == LineSyntax.EMPTY_ECHO ? LineKind.ECHO : LineKind.OUTPUT);
        }
    }

    /** Number of lines delivered so far. */
    public int deliveredCount() {
        return deliveredCount;
    }

    private void release(Instant now) {
        while (head < pending.size()) {
            LineKind kind = decide(now);
            if (kind == null) {
                break;
            }
            deliver(pending.get(head), kind);
            pending.set(head++, null);
        }
        if (head > 64 && head * 2 > pending.size()) {
            pending.subList(0, head).clear(); // amortised: each line is moved at most once more
            head = 0;
        }
    }

    private void deliver(Pending p, LineKind kind) {
        OutputLine line = new OutputLine(p.at, kind, p.text);
        lastDelivered = line;
        deliveredCount++;
        sink.accept(line);
    }

    /** Kind of the head of the queue, or null while undecided. */
    private LineKind decide(Instant now) {
        Pending first = ahead(0);
        boolean expired = !now.isBefore(first.at.plus(hold));
        switch (first.syntax) {
            case ECHO_START, ECHO_NUMBERED, ECHO_CONTINUATION:
                return LineKind.ECHO;
            case BREAK:
                return LineKind.ERROR;
            case BLANK, EMPTY_ECHO, END_OF_DO_FILE: {
                for (int j = 1; j < aheadCount(); j++) {
                    if (!ahead(j).syntax.isFraming()) {
                        return first.syntax == LineSyntax.EMPTY_ECHO ? LineKind.ECHO : LineKind.OUTPUT;
                    }
                }
                return null; // finish() decides trailing framing
            }
            case RETURN_CODE:
                return decideReturnCode(0, expired);
            default:
                return decideText(expired);
        }
    }

    private LineKind decideText(boolean expired) {
        int count = aheadCount();
        for (int j = 1; j < count && j <= MAX_MESSAGE_LINES; j++) {
            LineSyntax s = ahead(j).syntax;
            if (s == LineSyntax.TEXT) {
                continue;
            }
            if (s != LineSyntax.RETURN_CODE) {
                return LineKind.OUTPUT;
            }
            LineKind rcKind = decideReturnCode(j, expired);
            return rcKind == null ? (expired ? LineKind.OUTPUT : null) : rcKind;
        }
        if (count > MAX_MESSAGE_LINES || finished || expired) {
            return LineKind.OUTPUT;
        }
        return null;
    }

    private LineKind decideReturnCode(int index, boolean expired) {
        Pending rcLine = ahead(index);
        Pending before = index > 0 ? ahead(index - 1) : null;
        if ((before != null && before.syntax == LineSyntax.BREAK)
                || (before == null && lastDeliveredIsBreak())) {
            return LineKind.ERROR;
        }
        for (int j = index + 1; j < aheadCount(); j++) {
            LineSyntax s = ahead(j).syntax;
            if (s == LineSyntax.BLANK) {
                continue;
            }
            return s == LineSyntax.END_OF_DO_FILE || s == LineSyntax.RETURN_CODE || s == LineSyntax.BREAK
                    ? LineKind.ERROR : LineKind.OUTPUT;
        }
        if (finished) {
            int code = LineSyntax.returnCode(rcLine.text);
            return finalRc.isPresent() && finalRc.getAsInt() == code ? LineKind.ERROR : LineKind.OUTPUT;
        }
        return expired ? LineKind.OUTPUT : null;
    }

    private boolean lastDeliveredIsBreak() {
        return lastDelivered != null && lastDelivered.text().strip().equals("--Break--");
    }

    /** Drops the wrapper's last {@code end of do-file} and the blank and {@code . } lines that end the stream. */
    private static void trimWrapperFraming(List<Pending> rest) {
        int lastEnd = -1;
        for (int i = rest.size() - 1; i >= 0; i--) {
            LineSyntax s = rest.get(i).syntax;
            if (s == LineSyntax.END_OF_DO_FILE) {
                lastEnd = i;
                break;
            }
            if (s != LineSyntax.BLANK) {
                break;
            }
        }
        if (lastEnd >= 0) {
            rest.subList(lastEnd, rest.size()).clear();
        }
        // then the blank lines and bare ". " echoes before it (the file's last newline, trailing empty lines)
        while (!rest.isEmpty() && (rest.get(rest.size() - 1).syntax == LineSyntax.BLANK
                || rest.get(rest.size() - 1).syntax == LineSyntax.EMPTY_ECHO)) {
            rest.remove(rest.size() - 1);
        }
    }

    private record Pending(String text, Instant at, LineSyntax syntax) {
    }

    /** For tests and diagnostics: texts still waiting for a decision. */
    List<String> heldTexts() {
        List<String> texts = new ArrayList<>();
        for (Pending p : waiting()) {
            texts.add(p.text);
        }
        return texts;
    }

    /** The lines still waiting, oldest first (a view). */
    private List<Pending> waiting() {
        return pending.subList(head, pending.size());
    }

    /** The j-th line still waiting (0 is the oldest). */
    private Pending ahead(int j) {
        return pending.get(head + j);
    }

    private int aheadCount() {
        return pending.size() - head;
    }
}

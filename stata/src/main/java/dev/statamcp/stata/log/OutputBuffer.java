package dev.statamcp.stata.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keeps a run's output lines in memory up to a limit: the first {@code headLimit} lines and the last
 * {@code tailLimit}. Errors are at the end of a log, so the tail is never given up for the head. The log file keeps
 * everything.
 */
public final class OutputBuffer {

    private final int headLimit;
    private final int tailLimit;
    private final List<OutputLine> head = new ArrayList<>();
    private final ArrayDeque<OutputLine> tail = new ArrayDeque<>();
    private long total;

    public OutputBuffer(int headLimit, int tailLimit) {
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
    }

    public synchronized void add(OutputLine line) {
        total++;
        if (head.size() < headLimit) {
            head.add(line);
            return;
        }
        tail.addLast(line);
        if (tail.size() > tailLimit) {
            tail.removeFirst();
        }
    }

    public synchronized long total() {
        return total;
    }

    /** Lines kept from the start (the omitted middle, if any, begins after them). */
    public synchronized int headSize() {
        return head.size();
    }

    /** Lines left out between head and tail. */
    public synchronized long omitted() {
        return total - head.size() - tail.size();
    }

    /** Position in the whole output of the line at {@code index} of {@link #lines()}. */
    public synchronized long arrivalIndex(int index) {
        return index < head.size() ? index : index + omitted();
    }

    /**
     * Head then tail, with kinds decided again on the whole of each part ({@link LineClassifier#reclassify}); the
     * omitted middle, if any, separates the two parts.
     */
    public synchronized List<OutputLine> reclassified(OptionalInt rc) {
        if (tail.isEmpty()) {
            return LineClassifier.reclassify(head, rc);
        }
        List<OutputLine> all = new ArrayList<>(LineClassifier.reclassify(head, OptionalInt.empty()));
        all.addAll(LineClassifier.reclassify(new ArrayList<>(tail), rc));
        return all;
    }

    /** Head then tail (with the omitted middle missing). */
    public synchronized List<OutputLine> lines() {
        List<OutputLine> all = new ArrayList<>(head.size() + tail.size());
        all.addAll(head);
        all.addAll(tail);
        return all;
    }
}

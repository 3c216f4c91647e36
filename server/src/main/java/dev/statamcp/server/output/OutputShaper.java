package dev.statamcp.server.output;

import dev.statamcp.server.jobs.OutputMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a run's log into the text a model reads. {@code compact} drops what carries no information for it (the
 * echo of a do-file's own lines, SMCL markup, repeated Break blocks, replication dots and rulers, runs of blank
 * lines) and never anything Stata computed: data rows, tables and messages stay. Over the limit the head and the
 * tail are kept with a pointer to the full log between them, because the error that matters is at the end.
 */
public final class OutputShaper {
    /** Share of the character budget given to the head; the rest goes to the tail, where errors are. */
    private static final double HEAD_SHARE = 0.3;

    // Replication dots (bootstrap, simulate, permute): dots, x, e, n and an optional running count.
    private static final Pattern DOTS = Pattern.compile("^[.xen]{5,}(\\s+\\d+)?$");
    // The ruler printed above replication dots: "----+--- 1 ---+--- 2 ---+--- 3 ---+--- 4 ---+--- 5".
    private static final Pattern RULER = Pattern.compile("^-{4}\\+-{3} 1 -{3}\\+-{3} 2.*$");
    // SMCL directives: {name args:text} shows text; {name args} shows nothing.
    private static final Pattern SMCL_WITH_TEXT = Pattern.compile("\\{[a-z][a-z0-9_.]*(?: [^:{}]*)?:([^{}]*)}");
    private static final Pattern SMCL_BARE = Pattern.compile("\\{(?:[a-z][a-z0-9_.]*(?: [^{}]*)?|\\.-)}");

    private OutputShaper() {
    }

    /**
     * @param lines        the log, classified
     * @param mode         compact or full
     * @param dropEcho     whether compact mode drops echo lines (for do-files: the model has the file)
     * @param maxChars     the limit on the returned text
     * @param fullLogUri   where the whole log can be read, named in the omission line
     */
    public static ShapedOutput shape(List<LogLine> lines, OutputMode mode, boolean dropEcho, int maxChars,
                                     String fullLogUri) {
        return shape(lines, mode, dropEcho, maxChars, fullLogUri, 0, lines.size());
    }

    /**
     * @param omitted   lines of the log that are not in {@code lines} (a very long run keeps only its first and
     *                  last lines in memory)
     * @param omittedAt where in {@code lines} they belong
     */
    public static ShapedOutput shape(List<LogLine> lines, OutputMode mode, boolean dropEcho, int maxChars,
                                     String fullLogUri, long omitted, int omittedAt) {
        if (omitted <= 0) {
            List<String> kept = mode == OutputMode.FULL ? texts(lines) : compact(lines, dropEcho);
            return limit(kept, lines.size(), maxChars, fullLogUri, 0);
        }
        // Shape both sides of the gap apart, then join them with the gap in between.
        int at = Math.min(Math.max(omittedAt, 0), lines.size());
        List<String> before = mode == OutputMode.FULL ? texts(lines.subList(0, at))
                : compact(lines.subList(0, at), dropEcho);
        List<String> after = mode == OutputMode.FULL ? texts(lines.subList(at, lines.size()))
                : compact(lines.subList(at, lines.size()), dropEcho);
        List<String> all = new ArrayList<>(before.size() + after.size() + 1);
        all.addAll(before);
        all.add(GAP);
        all.addAll(after);
        return limit(all, lines.size() + omitted, maxChars, fullLogUri, omitted);
    }

    /** Stands for lines not kept in memory; replaced by a pointer line, or folded into a cut. */
    private static final String GAP = "\u0000gap";

    static List<String> compact(List<LogLine> lines, boolean dropEcho) {
        List<String> out = new ArrayList<>(lines.size());
        boolean lastBlank = true; // also drops leading blank lines
        String lastBreak = null;
        for (int i = 0; i < lines.size(); i++) {
            LogLine line = lines.get(i);
            if (dropEcho && line.echo()) {
                continue;
            }
            String text = stripSmcl(line.text());
            String trimmed = text.strip();
            if (DOTS.matcher(trimmed).matches() || RULER.matcher(trimmed).matches()) {
                continue;
            }
            if (trimmed.equals("--Break--")) {
                // Stata may print the Break block once per nesting level; one is enough.
                if ("--Break--".equals(lastBreak)) {
                    i = skipRc1(lines, i);
                    continue;
                }
                lastBreak = trimmed;
            } else if (!trimmed.isEmpty() && !trimmed.equals("r(1);")) {
                lastBreak = null;
            }
            boolean blank = trimmed.isEmpty();
            if (blank && lastBlank) {
                continue;
            }
            out.add(text);
            lastBlank = blank;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Skips the {@code r(1);} that follows a repeated {@code --Break--}; returns the index of the last line used. */
    private static int skipRc1(List<LogLine> lines, int i) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).text().isBlank()) {
            j++;
        }
        return j < lines.size() && lines.get(j).text().strip().equals("r(1);") ? j : i;
    }

    static String stripSmcl(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        return SMCL_BARE.matcher(SMCL_WITH_TEXT.matcher(text).replaceAll("$1")).replaceAll("");
    }

    private static List<String> texts(List<LogLine> lines) {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(l.text()));
        return out;
    }

    static ShapedOutput limit(List<String> lines, long totalLines, int maxChars, String fullLogUri, long gap) {
        String gapLine = omission(gap, fullLogUri);
        long size = -1; // the joined text has one newline fewer than lines
        for (String l : lines) {
            size += shownLength(l, gapLine) + 1;
        }
        if (size <= maxChars) {
            // Everything fits but lines were never kept: say where they are.
            List<String> shown = lines.stream().map(l -> GAP.equals(l) ? gapLine : l).toList();
            return new ShapedOutput(String.join("\n", shown), totalLines, (int) Math.min(gap, Integer.MAX_VALUE),
                    gap > 0);
        }
        // The omission line goes between head and tail: its room comes out of the limit first, sized for the
        // largest count it can show, so that head + line + tail never exceed maxChars. (A limit too small to hold
        // that line cannot be kept anyway; the tools accept no limit below 1000.)
        int budget = maxChars - omission(lines.size() + gap, fullLogUri).length();
        if (budget < maxChars / 2) {
            budget = maxChars;
        }
        int headBudget = (int) (budget * HEAD_SHARE);
        int tailBudget = budget - headBudget;
        int head = 0;
        int used = 0;
        while (head < lines.size() && used + shownLength(lines.get(head), gapLine) + 1 <= headBudget) {
            used += shownLength(lines.get(head++), gapLine) + 1;
        }
        int tail = lines.size();
        used = 0;
        while (tail > head && used + shownLength(lines.get(tail - 1), gapLine) + 1 <= tailBudget) {
            used += shownLength(lines.get(--tail), gapLine) + 1;
        }
        if (tail == lines.size() && tail > head) {
            // The last line alone is longer than the tail budget: keep its end, where an error message would be.
            String last = lines.get(tail - 1);
            lines = new ArrayList<>(lines);
            lines.set(tail - 1, "…" + last.substring(last.length() - Math.max(1, tailBudget - 2)));
            tail--;
        }
        long omitted = tail - head;
        if (lines.subList(head, tail).contains(GAP)) {
            omitted += gap - 1; // the gap stands for that many lines, not one
        }
        StringBuilder sb = new StringBuilder(maxChars + 200);
        for (int i = 0; i < head; i++) {
            sb.append(GAP.equals(lines.get(i)) ? gapLine : lines.get(i)).append('\n');
        }
        sb.append(omission(omitted, fullLogUri));
        for (int i = tail; i < lines.size(); i++) {
            sb.append('\n').append(GAP.equals(lines.get(i)) ? gapLine : lines.get(i));
        }
        return new ShapedOutput(sb.toString(), totalLines, (int) Math.min(omitted, Integer.MAX_VALUE), true);
    }

    private static int shownLength(String line, String gapLine) {
        return GAP.equals(line) ? gapLine.length() : line.length();
    }

    private static String omission(long lines, String fullLogUri) {
        return "… " + lines + " lines omitted — full log: " + fullLogUri + " …";
    }
}

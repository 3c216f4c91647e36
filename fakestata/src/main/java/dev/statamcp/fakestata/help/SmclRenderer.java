package dev.statamcp.fakestata.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out an SMCL help file as the console shows it: lines as written, except paragraphs ({@code {p # # #}},
 * {@code {pstd}}, {@code {phang}}, ... up to {@code {p_end}} or a blank line), which are re-flowed to the line
 * width with their indents, and two-column entries ({@code {p2col:...}}, {@code {synopt:...}}) laid out in the
 * columns {@code {p2colset}} or {@code {synoptset}} set. {@code {...}} joins a line to the next; directives that
 * show nothing leave nothing. Written here because no Java library reads SMCL; it covers the directives help files
 * commonly use, not all of SMCL.
 */
final class SmclRenderer {
    /** {@code {pstd}} and friends as {first-line indent, other-lines indent, right margin}. */
    private static final Map<String, int[]> PARAGRAPHS = Map.ofEntries(
            Map.entry("pstd", new int[]{4, 4, 2}), Map.entry("psee", new int[]{4, 13, 2}),
            Map.entry("phang", new int[]{4, 8, 2}), Map.entry("pmore", new int[]{8, 8, 2}),
            Map.entry("pin", new int[]{8, 8, 2}), Map.entry("phang2", new int[]{8, 12, 2}),
            Map.entry("pmore2", new int[]{12, 12, 2}), Map.entry("pin2", new int[]{12, 12, 2}),
            Map.entry("phang3", new int[]{12, 16, 2}), Map.entry("pmore3", new int[]{16, 16, 2}),
            Map.entry("pin3", new int[]{16, 16, 2}));
    private static final Set<String> SILENT = Set.of("smcl", "marker", "viewerjumpto", "vieweralsosee",
            "viewerdialog", "reset", "sf", "it", "bf", "txt", "res", "err", "com", "ul", "hi", "inp");

    /** A paragraph being collected: indents, and the first column of a two-column entry (or null). */
    private static final class Paragraph {
        final int first;
        final int rest;
        final int right;
        final String column;
        final StringBuilder text = new StringBuilder();
        boolean afterNewline;

        Paragraph(int first, int rest, int right, String column) {
            this.first = first;
            this.rest = rest;
            this.right = right;
            this.column = column;
        }
    }

    private final int width;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private Paragraph paragraph;
    private boolean swallowNewline;
    private int[] columns = {5, 27, 29, 2};
    private int optionColumn = 5;

    /** @param width the longest line (the line size minus one, as Stata's console) */
    SmclRenderer(int width) {
        this.width = width;
    }

    /** The console lines of an SMCL document. */
    static List<String> render(String smcl, int width) {
        SmclRenderer r = new SmclRenderer(width);
        r.run(smcl.replace("\r\n", "\n").replace('\r', '\n'));
        return r.lines;
    }

    private void run(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                newline();
                i++;
                continue;
            }
            if (c == '{') {
                int end = SmclInline.closing(s, i);
                if (end > i) {
                    String body = s.substring(i + 1, end);
                    i = end + 1;
                    if (body.equals("...")) {
                        if (i < s.length() && s.charAt(i) == '\n') {
                            i++;
                        }
                    } else if (!body.startsWith("*")) {
                        directive(SmclDirective.parse(body));
                    }
                    continue;
                }
            }
            if (c != ' ') {
                swallowNewline = false;
            }
            append(String.valueOf(c));
            i++;
        }
        endParagraph();
        if (!line.isEmpty()) {
            emit(line.toString());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }

    private void directive(SmclDirective d) {
        swallowNewline = false;
        String name = d.name();
        int[] indents = PARAGRAPHS.get(name);
        if (indents != null || name.equals("p")) {
            int[] p = indents != null ? indents : d.numbers(3, 0);
            startParagraph(new Paragraph(p[0], p[1], p[2], null));
            return;
        }
        switch (name) {
            case "smcl" -> swallowNewline = true; // the file's header line, not a blank line
            case "p_end" -> {
                endParagraph();
                swallowNewline = true;
            }
            case "p2colset" -> columns = d.numbers(4, 1);
            case "p2colreset" -> {
                columns = new int[]{5, 27, 29, 2};
                optionColumn = 5;
            }
            case "synoptset" -> {
                int w = d.numbers(1, 20)[0];
                columns = new int[]{5, 5 + w + 2, 5 + w + 4, 2};
                optionColumn = d.args().contains("tabbed") ? 7 : 5;
            }
            case "p2col" -> {
                int[] c = d.args().isEmpty() ? columns : d.numbers(4, 1);
                twoColumns(text(d).strip(), c[0], c[1], c[2], c[3]);
            }
            case "synopt", "p2coldent" -> twoColumns(text(d).strip(), optionColumn, columns[1], columns[2], columns[3]);
            case "synopthdr" -> {
                String head = " ".repeat(4) + (d.content() == null ? "options" : text(d));
                appendLine(pad(head, columns[1] - 1) + "Description");
            }
            case "synoptline", "p2line" -> appendLine(" ".repeat(4) + "-".repeat(Math.max(1, width - 6)));
            case "syntab" -> appendLine(" ".repeat(4) + text(d));
            case "title", "dlgtab" -> {
                endParagraph();
                appendLine(text(d));
            }
            case ".-" -> appendLine("-".repeat(Math.max(0, width - line.length())));
            case "hline" -> {
                if (d.args().isEmpty() && paragraph == null) {
                    appendLine("-".repeat(Math.max(0, width - line.length())));
                } else {
                    append(SmclInline.directive(d));
                }
            }
            case "col" -> {
                if (paragraph == null) {
                    int col = d.numbers(1, 1)[0] - 1;
                    line.append(" ".repeat(Math.max(0, col - line.length())));
                }
            }
            case "right" -> {
                if (paragraph == null) {
                    String t = text(d);
                    line.append(" ".repeat(Math.max(1, width - line.length() - t.length()))).append(t);
                } else {
                    append(text(d));
                }
            }
            case "break", "newline" -> {
                if (paragraph != null) {
                    paragraph.text.append('\n');
                } else {
                    emit(line.toString());
                    line.setLength(0);
                }
            }
            default -> {
                if (!SILENT.contains(name) || d.content() != null) {
                    append(SmclInline.directive(d));
                }
            }
        }
    }

    private static String text(SmclDirective d) {
        return d.content() == null ? "" : SmclInline.text(d.content()).replace(SmclInline.NO_BREAK, ' ');
    }

    private void append(String text) {
        if (paragraph != null) {
            paragraph.text.append(text);
            paragraph.afterNewline = false;
        } else {
            line.append(text);
        }
    }

    /** Text of a line-mode directive (title, rules, table headers): ends any paragraph first. */
    private void appendLine(String text) {
        endParagraph();
        line.append(text);
    }

    private void newline() {
        if (swallowNewline) {
            swallowNewline = false;
            return;
        }
        if (paragraph != null) {
            if (paragraph.afterNewline) {
                endParagraph();
                emit("");
            } else {
                paragraph.text.append(' ');
                paragraph.afterNewline = true;
            }
            return;
        }
        emit(line.toString());
        line.setLength(0);
    }

    private void startParagraph(Paragraph p) {
        endParagraph();
        if (!line.toString().isBlank()) {
            emit(line.toString());
        }
        line.setLength(0);
        paragraph = p;
    }

    private void twoColumns(String first, int c1, int c2, int c3, int right) {
        startParagraph(new Paragraph(c2 - 1, c3 - 1, right, " ".repeat(Math.max(0, c1 - 1)) + first));
    }

    private void endParagraph() {
        Paragraph p = paragraph;
        if (p == null) {
            return;
        }
        paragraph = null;
        int max = width - p.right;
        String lead = " ".repeat(p.first);
        if (p.column != null) {
            if (p.column.length() < p.first) {
                lead = pad(p.column, p.first);
            } else {
                emit(p.column);
            }
        }
        boolean firstLine = true;
        for (String segment : p.text.toString().split("\n", -1)) {
            StringBuilder current = new StringBuilder(firstLine ? lead : " ".repeat(p.rest));
            int start = current.length();
            for (String word : segment.trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (current.length() > start && current.length() + 1 + word.length() > max) {
                    emit(current.toString());
                    current = new StringBuilder(" ".repeat(p.rest));
                    start = current.length();
                }
                if (current.length() > start) {
                    current.append(' ');
                }
                current.append(word);
            }
            if (current.length() > start || firstLine && p.column != null) {
                emit(current.toString());
            }
            firstLine = false;
        }
    }

    private void emit(String text) {
        lines.add(text.replace(SmclInline.NO_BREAK, ' ').stripTrailing());
    }

    private static String pad(String s, int to) {
        return s.length() >= to ? s + " " : s + " ".repeat(to - s.length());
    }
}

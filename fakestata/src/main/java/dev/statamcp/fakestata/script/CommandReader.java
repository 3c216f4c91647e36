package dev.statamcp.fakestata.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns physical lines into commands the way Stata reads a do-file: {@code *} comment lines, {@code //} and
 * {@code /* ... * /} comments (the latter across lines), {@code ///} continuations, and under {@code #delimit ;}
 * commands that end at a semicolon instead of the end of the line. Text inside quotes is never a comment.
 */
public final class CommandReader {
    private final LineInput input;
    private boolean semicolon;
    private int lineNumber;
    private String pending;
    private int pendingLine;

    public CommandReader(LineInput input) {
        this.input = input;
    }

    public void setSemicolonDelimiter(boolean on) {
        this.semicolon = on;
    }

    public boolean semicolonDelimiter() {
        return semicolon;
    }

    /** The next command, or null at the end of input. */
    public SourceLine next(String prompt) {
        try {
            return semicolon ? nextSemicolon(prompt) : nextLine(prompt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readPhysical(String prompt) throws IOException {
        String line = input.read(prompt);
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    private SourceLine nextLine(String prompt) throws IOException {
        String first = readPhysical(prompt);
        if (first == null) {
            return null;
        }
        int start = lineNumber;
        List<String> physical = new ArrayList<>();
        physical.add(first);
        StringBuilder code = new StringBuilder();
        boolean starComment = first.stripLeading().startsWith("*");
        String line = first;
        boolean inBlock = false;
        while (true) {
            Scan s = scan(line, inBlock, code, starComment);
            inBlock = s.inBlockComment;
            if (!s.continues && !inBlock) {
                break;
            }
            String more = readPhysical("> ");
            if (more == null) {
                break;
            }
            physical.add(more);
            if (s.continues) {
                code.append(' ');
            }
            line = more;
        }
        String text = starComment ? "" : code.toString();
        return new SourceLine(physical, text, start);
    }

    private SourceLine nextSemicolon(String prompt) throws IOException {
        List<String> physical = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int start;
        String line;
        if (pending != null) {
            line = pending;
            start = pendingLine;
            pending = null;
        } else {
            line = readPhysical(prompt);
            if (line == null) {
                return null;
            }
            start = lineNumber;
        }
        // #delimit ends at the end of its physical line even under ;
        if (line.stripLeading().startsWith("#d")) {
            physical.add(line);
            return new SourceLine(physical, line.trim().replaceAll(";\\s*$", ""), start);
        }
        boolean inBlock = false;
        while (true) {
            int cut = semicolonAt(line, inBlock);
            if (cut >= 0) {
                String head = line.substring(0, cut);
                physical.add(head + ";");
                Scan s = scan(head, inBlock, code, false);
                String rest = line.substring(cut + 1);
                if (!rest.isBlank()) {
                    pending = rest.stripLeading();
                    pendingLine = lineNumber;
                }
                String text = code.toString().trim();
                if (text.startsWith("*")) {
                    text = "";
                }
                if (s.inBlockComment) {
                    text = "";
                }
                return new SourceLine(physical, text, start);
            }
            physical.add(line);
            Scan s = scan(line, inBlock, code, false);
            inBlock = s.inBlockComment;
            code.append(' ');
            String more = readPhysical("> ");
            if (more == null) {
                String text = code.toString().trim();
                return new SourceLine(physical, text.startsWith("*") ? "" : text, start);
            }
            line = more;
        }
    }

    /** Position of the first semicolon outside quotes and comments, or -1. */
    private static int semicolonAt(String line, boolean inBlock) {
        int i = 0;
        while (i < line.length()) {
            if (inBlock) {
                int end = line.indexOf("*/", i);
                if (end < 0) {
                    return -1;
                }
                inBlock = false;
                i = end + 2;
                continue;
            }
            char c = line.charAt(i);
            if (c == '"' || (c == '`' && i + 1 < line.length() && line.charAt(i + 1) == '"')) {
                int end = dev.statamcp.fakestata.lang.Quotes.skip(line, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                inBlock = true;
                i += 2;
                continue;
            }
            if (c == '/' && line.startsWith("//", i) && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return -1;
            }
            if (c == ';') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private record Scan(boolean continues, boolean inBlockComment) {
    }

    /** Appends the code part of one physical line to {@code code}; reports a /// continuation or open comment. */
    private static Scan scan(String line, boolean inBlock, StringBuilder code, boolean starComment) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (inBlock) {
                int end = line.indexOf("*/", i);
                if (end < 0) {
                    return new Scan(false, true);
                }
                inBlock = false;
                i = end + 2;
                code.append(' ');
                continue;
            }
            char c = line.charAt(i);
            boolean atWordStart = i == 0 || Character.isWhitespace(line.charAt(i - 1));
            if (c == '/' && line.startsWith("///", i) && atWordStart) {
                return new Scan(true, false);
            }
            if (starComment) {
                i++;
                continue;
            }
            if (c == '"' || (c == '`' && i + 1 < n && line.charAt(i + 1) == '"')) {
                int end = dev.statamcp.fakestata.lang.Quotes.skip(line, i);
                if (end < 0) {
                    code.append(line, i, n);
                    return new Scan(false, false);
                }
                code.append(line, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                inBlock = true;
                i += 2;
                continue;
            }
            if (c == '/' && line.startsWith("//", i) && atWordStart) {
                return new Scan(false, false);
            }
            code.append(c);
            i++;
        }
        return new Scan(false, inBlock);
    }
}

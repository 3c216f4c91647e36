package dev.statamcp.stata.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds, in classified output, the error that ended a run: the first {@code r(rc);} Stata printed as an error (the
 * innermost do-file level), the message lines just above it, and the echoed command that produced them.
 */
public final class ErrorLocator {

    private static final int MAX_MESSAGE_LINES = 10;

    /**
     * @param returnCodeIndex index of the {@code r(N);} line in the output, or -1 when Stata printed none
     * @param message the message Stata printed above it (lines joined by \n), if any
     * @param command the echoed command that failed, without the {@code ". "} prompt, if it was echoed
     */
    public record Located(int returnCodeIndex, Optional<String> message, Optional<String> command) {
    }

    private ErrorLocator() {
    }

    public static Located locate(List<OutputLine> lines, int rc) {
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            OutputLine line = lines.get(i);
            if (line.isError() && LineSyntax.returnCode(line.text()) == rc) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (LineSyntax.returnCode(lines.get(i).text()) == rc) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0) {
            return new Located(-1, Optional.empty(), Optional.empty());
        }
        List<String> message = new ArrayList<>();
        int i = index - 1;
        while (i >= 0 && message.size() < MAX_MESSAGE_LINES) {
            OutputLine line = lines.get(i);
            String text = line.text();
            if (text.isBlank() || line.isEcho() || LineSyntax.returnCode(text) >= 0
                    || text.strip().equals("end of do-file") || text.strip().equals("--Break--")) {
                break;
            }
            message.add(text.stripTrailing());
            i--;
        }
        Collections.reverse(message);
        return new Located(index, message.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", message)),
                commandAbove(lines, i));
    }

    /** The echo block (command plus its continuation lines) nearest above {@code from}. */
    private static Optional<String> commandAbove(List<OutputLine> lines, int from) {
        int end = from;
        while (end >= 0 && !lines.get(end).isEcho()) {
            end--;
        }
        if (end < 0) {
            return Optional.empty();
        }
        int start = end;
        while (start > 0 && !lines.get(start).text().startsWith(". ") && lines.get(start - 1).isEcho()) {
            start--;
        }
        List<String> parts = new ArrayList<>();
        for (int k = start; k <= end; k++) {
            String text = lines.get(k).text();
            parts.add(k == start && text.startsWith(". ") ? text.substring(2) : text);
        }
        String command = String.join("\n", parts).strip();
        return command.isEmpty() ? Optional.empty() : Optional.of(command);
    }
}

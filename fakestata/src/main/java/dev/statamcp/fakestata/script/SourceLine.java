package dev.statamcp.fakestata.script;

import java.util.List;

/**
 * One command as read from a do-file or the console.
 *
 * @param physical the physical lines it spans, as typed (echoed: the first after the prompt, the rest after "> ")
 * @param code the command text with comments removed and continuations joined; macros not yet expanded
 * @param lineNumber the line of the file where it starts (1-based)
 */
public record SourceLine(List<String> physical, String code, int lineNumber) {
}

package dev.statamcp.fakestata.script;

import java.io.IOException;

/** Physical lines of a script: a do-file's lines, or what is typed at the console after a prompt. */
public interface LineInput {
    /** The next physical line, or null at the end; a console shows {@code prompt} first. */
    String read(String prompt) throws IOException;
}

package dev.statamcp.fakestata.script;

/**
 * Where the interpreter reads commands from: a do-file, the console, or the stored body of a loop or program.
 * Reading also echoes the command when the source is echoed (a do-file under {@code do}, the console's log).
 */
public interface ScriptSource {
    /** The next command, echoed after {@code prompt} when this source echoes; null at the end. */
    SourceLine next(String prompt);

    /** Puts text back to be read next without echo (what follows a closing brace, as in {@code } else {}). */
    void pushBack(String code);

    /** Switches {@code #delimit}; sources without a delimiter (bodies) ignore it. */
    void setSemicolonDelimiter(boolean on);

    /** Whether commands read here are echoed (a do-file under {@code do}; not a loop body or {@code run}). */
    boolean echoes();
}

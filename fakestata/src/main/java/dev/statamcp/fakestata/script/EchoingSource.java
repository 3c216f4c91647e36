package dev.statamcp.fakestata.script;

import dev.statamcp.fakestata.out.Output;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import dev.statamcp.fakestata.session.Settings;

/**
 * Commands from a do-file or the console, echoed as they are read. A do-file's echo goes to the screen and the
 * logs; at the console the screen already shows what was typed (or the console input echoes it there), so the
 * echo goes to the logs only.
 */
public final class EchoingSource implements ScriptSource {
    private final CommandReader reader;
    private final Output out;
    private final Settings settings;
    private final boolean echo;
    private final boolean console;
    private final Deque<String> pushed = new ArrayDeque<>();

    private EchoingSource(LineInput input, Output out, Settings settings, boolean echo, boolean console) {
        this.reader = new CommandReader(input);
        this.out = out;
        this.settings = settings;
        this.echo = echo;
        this.console = console;
    }

    /** A do-file: echoed under {@code do} and {@code include}, silent under {@code run}. */
    public static EchoingSource doFile(LineInput input, Output out, Settings settings, boolean echo) {
        return new EchoingSource(input, out, settings, echo, false);
    }

    /** The console: the echo reaches the logs (the screen is handled by the console input). */
    public static EchoingSource console(LineInput input, Output out, Settings settings) {
        return new EchoingSource(input, out, settings, true, true);
    }

    @Override
    public SourceLine next(String prompt) {
        if (!pushed.isEmpty()) {
            String code = pushed.pop();
            return new SourceLine(List.of(code), code, 0);
        }
        SourceLine line = reader.next(prompt);
        if (line != null && echo) {
            List<String> lines = EchoLines.layout(prompt, line.physical(), settings.linesize);
            if (console) {
                out.inputEcho(lines, prompt.length(), false);
            } else {
                out.echo(lines);
            }
        }
        return line;
    }

    /** The echo of the end of a do-file: the prompt alone, {@code . }. */
    public void echoEnd() {
        if (echo) {
            out.echo(List.of(". "));
        }
    }

    @Override
    public void pushBack(String code) {
        pushed.push(code);
    }

    @Override
    public void setSemicolonDelimiter(boolean on) {
        reader.setSemicolonDelimiter(on);
    }

    @Override
    public boolean echoes() {
        return echo;
    }
}

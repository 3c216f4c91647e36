package dev.statamcp.fakestata.console;

import dev.statamcp.fakestata.exec.DoFiles;
import dev.statamcp.fakestata.exec.ExitSignal;
import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.io.InputReader;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.script.EchoingSource;
import dev.statamcp.fakestata.script.SourceLine;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * The console mode: banner (unless -q), then the prompt loop. Each command is followed by a blank line, a failed
 * one by {@code r(N);} and a blank line; comments and empty lines by nothing. End of input ends the process.
 */
public final class ConsoleRunner {
    private final Session session;
    private final Interpreter interp;
    private final InputReader input;
    private final boolean stdinIsTerminal;

    /** @param stdinIsTerminal whether the terminal already shows what is typed (then the input is not echoed) */
    public ConsoleRunner(Session session, Interpreter interp, InputReader input, boolean stdinIsTerminal) {
        this.session = session;
        this.interp = interp;
        this.input = input;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** Runs until end of input or {@code exit}; returns the process exit status. */
    public int run(boolean quiet, String initialCommand) {
        Output out = session.out();
        if (!quiet) {
            for (String line : Banner.lines(session, false)) {
                out.txt(line);
            }
        }
        out.newline();
        Frame frame = new Frame();
        EchoingSource source = EchoingSource.console(
                new ConsoleInput(input, out, session.breakFlag(), stdinIsTerminal), out,
                session.settings());
        if (!initialCommand.isEmpty()) {
            out.echo(List.of(". " + initialCommand));
            Integer status = runOne(initialCommand, frame, source);
            if (status != null) {
                return status;
            }
        }
        while (true) {
            SourceLine line = source.next(". ");
            if (line == null) {
                out.flushAll();
                return 0;
            }
            Integer status = runOne(line.code(), frame, source);
            if (status != null) {
                return status;
            }
        }
    }

    /** Runs one command line; a non-null result means the emulator exits with that status. */
    private Integer runOne(String code, Frame frame, EchoingSource source) {
        Output out = session.out();
        try {
            if (interp.execute(code, frame, source)) {
                out.newline();
            }
        } catch (StataError e) {
            DoFiles.report(out, e);
            out.newline();
        } catch (ExitSignal exit) {
            if (!exit.stata() && !exit.clear() && session.data().changed()) {
                DoFiles.report(out, StataError.of(4, "no; dataset in memory has changed since last saved"));
                out.newline();
                return null;
            }
            out.flushAll();
            return 0;
        }
        return null;
    }
}

package dev.statamcp.fakestata.batch;

import dev.statamcp.fakestata.console.Banner;
import dev.statamcp.fakestata.exec.DoFiles;
import dev.statamcp.fakestata.exec.ExitSignal;
import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.script.BodySource;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * Batch mode: the command (normally {@code do file.do args}) runs once with its output going to the batch log.
 * With -q the log starts directly with the do-file's output (a blank line, then the first echo), as real -q logs
 * do; without it, the banner and the echo of the command come first. The exit status is 0 even when the do-file
 * fails: the failure is in the log ({@code end of do-file} then {@code r(N);}).
 */
public final class BatchRunner {
    private BatchRunner() {
    }

    public static int run(Session session, Interpreter interp, boolean quiet, String command) {
        Output out = session.out();
        if (!quiet) {
            for (String line : Banner.lines(session, true)) {
                out.txt(line);
            }
            out.newline();
            out.echo(List.of(". " + echoOf(command)));
        }
        try {
            interp.execute(command, new Frame(), new BodySource(List.of()));
        } catch (StataError e) {
            DoFiles.report(out, e);
        } catch (ExitSignal exit) {
            // exit, STATA in the do-file: the log ends where it stopped
        }
        out.flushAll();
        return 0;
    }

    /** Real batch logs show {@code . do "file.do" } (quoted, with a trailing space) for {@code do file.do}. */
    static String echoOf(String command) {
        String[] w = command.split("\\s+", 3);
        if (w.length >= 2 && (w[0].equals("do") || w[0].equals("run")) && !w[1].startsWith("\"")
                && !w[1].startsWith("`")) {
            return w[0] + " \"" + w[1] + "\" " + (w.length > 2 ? w[2] : "");
        }
        return command;
    }
}

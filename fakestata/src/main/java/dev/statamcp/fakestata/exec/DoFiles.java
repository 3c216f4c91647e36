package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.script.EchoingSource;
import dev.statamcp.fakestata.script.FileLineInput;
import dev.statamcp.fakestata.script.SourceLine;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code do}, {@code run} and {@code include}. A do-file's output opens with a blank line; each line is echoed,
 * run, and followed by a blank line when it was a command; the end is {@code . } then {@code end of do-file}. A
 * failing line prints its message and {@code r(N);}, a blank line and {@code end of do-file}, and the error then
 * fails the {@code do} command itself, so each nesting level adds its own {@code r(N);}.
 */
public final class DoFiles {
    public enum Kind { DO, RUN, INCLUDE }

    private DoFiles() {
    }

    public static void command(Call call, Kind kind) {
        List<String> words = Tokens.raw(call.args().strip());
        if (words.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = Quotes.strip(words.get(0));
        Session s = call.session();
        Path file = locate(s, name);
        Frame frame;
        if (kind == Kind.INCLUDE) {
            frame = call.frame();
        } else {
            frame = new Frame();
            String rest = call.args().strip().substring(words.get(0).length()).strip();
            frame.set("0", rest);
            List<String> args = words.subList(1, words.size());
            for (int i = 0; i < args.size(); i++) {
                frame.set(String.valueOf(i + 1), Quotes.strip(args.get(i)));
            }
        }
        run(call.interpreter(), file, frame, kind);
    }

    private static Path locate(Session s, String name) {
        Path p = s.resolve(name);
        if (Files.isRegularFile(p)) {
            return p;
        }
        if (!name.contains(".") || !Files.exists(p)) {
            Path withDo = s.resolve(name + ".do");
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".do") && Files.isRegularFile(withDo)) {
                return withDo;
            }
        }
        String shown = name.contains(".") ? name : name + ".do";
        throw StataError.of(601, "file " + shown + " not found");
    }

    public static void run(Interpreter interp, Path file, Frame frame, Kind kind) {
        Session s = interp.session();
        Output out = s.out();
        Output.Verbosity saved = out.verbosity();
        if (kind == Kind.RUN) {
            out.setQuiet();
        }
        try (FileLineInput input = new FileLineInput(file)) {
            EchoingSource source = EchoingSource.doFile(input, out, s.settings(), kind != Kind.RUN);
            out.newline();
            loop(interp, source, frame);
        } catch (IOException e) {
            throw StataError.of(603, "file " + file + " could not be opened");
        } finally {
            out.restore(saved);
        }
    }

    private static void loop(Interpreter interp, EchoingSource source, Frame frame) {
        Session s = interp.session();
        Output out = s.out();
        while (true) {
            SourceLine line = source.next(". ");
            if (line == null) {
                source.echoEnd();
                out.println(Style.TXT, "end of do-file");
                return;
            }
            try {
                s.poll();
                if (interp.execute(line.code(), frame, source)) {
                    out.newline();
                }
            } catch (StataError e) {
                report(out, e);
                out.errorFraming("");
                out.errorFraming("end of do-file");
                throw e;
            } catch (ExitSignal exit) {
                if (exit.stata()) {
                    throw exit;
                }
                out.newline();
                out.println(Style.TXT, "end of do-file");
                return;
            }
        }
    }

    /** Prints a failed command's message (once) and its {@code r(N);}. */
    public static void report(Output out, StataError e) {
        if (!e.isReported() && e.text() != null) {
            out.error(e.text());
        }
        out.returnCode(e.rc());
        e.markReported();
    }
}

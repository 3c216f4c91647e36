package dev.statamcp.fakestata;

import dev.statamcp.fakestata.cli.Edition;
import dev.statamcp.fakestata.cli.Mode;
import dev.statamcp.fakestata.commands.CommandRegistry;
import dev.statamcp.fakestata.console.ConsolePager;
import dev.statamcp.fakestata.console.ConsoleRunner;
import dev.statamcp.fakestata.env.Switches;
import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.io.InputReader;
import dev.statamcp.fakestata.log.LogSet;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Screen;
import dev.statamcp.fakestata.session.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the emulator's console loop inside the test JVM: input lines in, everything the screen shows out. The
 * console framing is the real one (prompt, echo of piped input, blank lines, r(N);), without a process.
 */
public final class InProcess {
    private final Map<String, String> env = new HashMap<>();
    private Path cwd = Path.of(System.getProperty("java.io.tmpdir"));
    private Edition edition = Edition.MP;
    private Session session;

    public InProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public InProcess version(int v) {
        return env("FAKESTATA_VERSION", String.valueOf(v));
    }

    public InProcess cwd(Path dir) {
        this.cwd = dir;
        return this;
    }

    public InProcess edition(Edition e) {
        this.edition = e;
        return this;
    }

    /** The session of the last run, to inspect data and results. */
    public Session session() {
        return session;
    }

    /** Runs the lines at a {@code -q} console and returns the screen text. */
    public String console(String... lines) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        InputReader reader = new InputReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        Output out = new Output(new Screen(screen, true), new LogSet());
        session = new Session(Switches.from(env), edition, Mode.CONSOLE, out, cwd);
        ConsolePager pager = new ConsolePager(session.settings(), reader);
        pager.attach(out);
        out.setPager(pager);
        Interpreter interp = new Interpreter(session, CommandRegistry.build());
        new ConsoleRunner(session, interp, reader, false).run(true, "");
        out.flushAll();
        for (var log : out.logs().all()) {
            log.close();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    /**
     * The output of the given commands only: what the screen shows after the echo of the first command up to the
     * final prompt, i.e. without the session's opening blank line and the last {@code . }.
     */
    public String output(String... lines) {
        String all = console(lines);
        String body = all.startsWith("\n") ? all.substring(1) : all;
        return body.endsWith(". ") ? body.substring(0, body.length() - 2) : body;
    }
}

package dev.statamcp.fakestata;

import dev.statamcp.fakestata.batch.BatchRunner;
import dev.statamcp.fakestata.cli.Edition;
import dev.statamcp.fakestata.cli.Invocation;
import dev.statamcp.fakestata.cli.Mode;
import dev.statamcp.fakestata.cli.Usage;
import dev.statamcp.fakestata.cli.UsageException;
import dev.statamcp.fakestata.commands.CommandRegistry;
import dev.statamcp.fakestata.console.ConsolePager;
import dev.statamcp.fakestata.console.ConsoleRunner;
import dev.statamcp.fakestata.env.OrphanSpawner;
import dev.statamcp.fakestata.env.Signals;
import dev.statamcp.fakestata.env.Switches;
import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.io.InputReader;
import dev.statamcp.fakestata.io.Terminal;
import dev.statamcp.fakestata.log.LogFile;
import dev.statamcp.fakestata.log.LogKind;
import dev.statamcp.fakestata.log.LogSet;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Screen;
import dev.statamcp.fakestata.out.Sink;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.session.Session;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;

/** Entry point of fakestata, the Stata emulator: parses the command line and runs console or batch mode. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String invokedAs = System.getProperty("fakestata.invokedAs", "stata-mp");
        Edition edition = Edition.fromInvokedName(invokedAs);
        Invocation inv;
        try {
            inv = Invocation.parse(args);
        } catch (UsageException e) {
            System.err.println(invokedAs + ": " + e.getMessage());
            System.err.print(Usage.text(invokedAs));
            return 1;
        }
        if (inv.help()) {
            System.out.print(Usage.text(invokedAs));
            System.out.flush();
            return 0;
        }
        Switches sw = Switches.from(System.getenv());
        if (sw.startupDelayMs() > 0) {
            try {
                Thread.sleep(sw.startupDelayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sw.licenseFail()) {
            System.err.println("License error: all licensed Stata sessions are in use; no seat is free.");
            System.err.println("(fakestata simulates this because FAKESTATA_LICENSE_FAIL is set.)");
            return 1;
        }
        if (sw.spawnOrphan()) {
            OrphanSpawner.spawn();
        }
        Path cwd = Path.of("").toAbsolutePath();
        LogSet logs = new LogSet();
        if (inv.mode() == Mode.BATCH) {
            return batch(inv, sw, edition, cwd, logs);
        }
        InputReader input = new InputReader(new FileInputStream(FileDescriptor.in));
        Output out = new Output(new Screen(Terminal.stdoutIsTerminal()), logs);
        Session session = new Session(sw, edition, Mode.CONSOLE, out, cwd);
        ConsolePager pager = new ConsolePager(session.settings(), input);
        pager.attach(out);
        out.setPager(pager);
        prepare(session);
        if (sw.breakDropsInput()) {
            session.breakFlag().onBreak(input::discardPending);
        }
        Interpreter interp = new Interpreter(session, CommandRegistry.build());
        return new ConsoleRunner(session, interp, input, Terminal.stdinIsTerminal()).run(inv.quiet(), inv.command());
    }

    private static int batch(Invocation inv, Switches sw, Edition edition, Path cwd, LogSet logs) {
        Path logPath = cwd.resolve(inv.logStem() + (inv.smclLog() ? ".smcl" : ".log"));
        LogFile batchLog;
        try {
            batchLog = LogFile.open(null, logPath, inv.smclLog() ? LogKind.SMCL : LogKind.TEXT, false);
        } catch (IOException e) {
            System.err.println("fakestata: cannot write the batch log " + logPath + ": " + e.getMessage());
            return 1;
        }
        if (inv.smclLog()) {
            batchLog.rawSmcl("{smcl}\n", Style.TXT);
        }
        Sink screen = batchLog;
        Output out = new Output(screen, logs);
        Session session = new Session(sw, edition, Mode.BATCH, out, cwd);
        prepare(session);
        Interpreter interp = new Interpreter(session, CommandRegistry.build());
        int status = BatchRunner.run(session, interp, inv.quiet(), inv.command());
        for (LogFile log : logs.all()) {
            log.close();
        }
        batchLog.close();
        return status;
    }

    /** Break on SIGINT; on SIGTERM (or any exit) open logs keep what was written, with no footer added. */
    private static void prepare(Session session) {
        Signals.breakOnInterrupt(session.breakFlag(), session.switches().ignoreBreak());
        var files = session.files();
        Output out = session.out();
        Runtime.getRuntime().addShutdownHook(new Thread("flush-logs") {
            @Override
            public void run() {
                // The logs (and a batch log) are flushed by the printing thread, or here once it cannot be writing.
                out.exitFlush().flushOnExit(out::flushLogs);
                files.flushAll();
            }
        });
    }
}

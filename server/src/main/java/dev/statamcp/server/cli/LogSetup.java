package dev.statamcp.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback configured in code (found through the {@code Configurator} service): log lines go to standard error,
 * never standard output, and optionally to a file. Code instead of logback.xml because parsing XML costs start time
 * on the stdio path. Level and file come from {@code --log-level}/{@code --log-file} or STATA_MCP_LOG_LEVEL /
 * STATA_MCP_LOG_FILE.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static volatile String levelOverride;
    private static volatile String fileOverride;

    /**
     * Configures logging on a background thread, so that on two cores it overlaps with the rest of the start-up
     * instead of delaying the answer to {@code initialize}.
     */
    static Thread warmUpInBackground() {
        Thread thread = new Thread(new WarmUp(), "log-setup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Waits for the set-up to finish: lines logged meanwhile are held by SLF4J and written when it completes, so a
     * process that ends right after its work must wait here or lose them.
     */
    static void awaitWarmUp(Thread thread) {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A class, not a method reference: the first lambda of a JVM costs a method-handle bootstrap on this thread. */
    private static final class WarmUp implements Runnable {
        @Override
        public void run() {
            org.slf4j.LoggerFactory.getILoggerFactory();
        }
    }

    /** Applies command-line choices; call before the first logger is created. */
    static void override(String level, String file) {
        levelOverride = level;
        fileOverride = file;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String levelName = first(levelOverride, System.getenv("STATA_MCP_LOG_LEVEL"), "info");
        String file = first(fileOverride, System.getenv("STATA_MCP_LOG_FILE"), null);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(levelName, Level.INFO));
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context));
        console.start();
        root.addAppender(console);
        if (file != null && !file.isBlank()) {
            FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
            fileAppender.setContext(context);
            fileAppender.setName("file");
            fileAppender.setFile(file);
            fileAppender.setAppend(true);
            fileAppender.setEncoder(encoder(context));
            fileAppender.start();
            root.addAppender(fileAppender);
        }
        // Jetty's own INFO lines (server started, connector opened) are noise for users.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : fallback;
    }
}

package dev.statamcp.mcp.transport.stdio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.JsonRpcMessage;
import dev.statamcp.mcp.jsonrpc.MessageParser;
import dev.statamcp.mcp.jsonrpc.Messages;
import dev.statamcp.mcp.jsonrpc.Utf8;
import dev.statamcp.mcp.server.BatchCollector;
import dev.statamcp.mcp.server.KeptCall;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import dev.statamcp.mcp.session.ProtocolVersion;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over standard input and output: one JSON-RPC message per line, UTF-8. A malformed line is answered with an
 * error and reading goes on. At end of input the application's drain hook runs (it may take minutes: results and
 * notifications still go out meanwhile), then the session closes.
 */
public final class StdioTransport implements MessageChannel {
    /** Looked up lazily, so that {@link #claimStdout()} does not start the logging system before the caller is ready. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    }

    private static OutputStream claimedStdout;

    private final McpServer server;
    private final InputStream in;
    private final OutputStream out;
    private final McpSession session;
    private final Object writeLock = new Object();
    /** Counted down by the reader that meets the end of input, after setting readFailure (null at a clean end). */
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    private volatile Throwable readFailure;
    /** Used by one reader at a time; handed from thread to thread through the executor (which orders the accesses). */
    private BoundedLineReader reader;
    private final StallWatch watch = new StallWatch(new StartReader());
    private volatile boolean outputBroken;
    private Runnable onEndOfInput;

    public StdioTransport(McpServer server, InputStream in, OutputStream out) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.session = server.newSession("stdio", this);
    }

    /**
     * A transport on the process's standard streams. Points {@code System.out} at standard error first, so that
     * nothing but protocol messages can reach the client, and keeps the real standard output for itself.
     */
    public static StdioTransport onSystemStreams(McpServer server) {
        return new StdioTransport(server, new FileInputStream(FileDescriptor.in), claimStdout());
    }

    /**
     * Points {@code System.out} at standard error and returns the real standard output. Call it first thing in stdio
     * mode, before anything (a library, a stray println) can write to standard output.
     */
    public static synchronized OutputStream claimStdout() {
        if (claimedStdout == null) {
            claimedStdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        }
        return claimedStdout;
    }

    /** What to run at end of input before the session closes; it may block while running work drains. */
    public StdioTransport onEndOfInput(Runnable hook) {
        this.onEndOfInput = hook;
        return this;
    }

    public McpSession session() {
        return session;
    }

    /** Reads until end of input, then runs the drain hook and closes the session. */
    public void run() throws IOException {
        reader = new BoundedLineReader(in, server.maxMessageBytes());
        // This thread reads until the first call; from then on readers are threads of the server's executor (see
        // ReadLoop), and this one waits for the end of input to drain, never held up by a call.
        new ReadLoop(true).run();
        awaitEndOfInput();
        Throwable failure = readFailure;
        if (failure != null) {
            // As before reading moved between threads: a failed read ends run() at once, without the drain hook.
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
        Log.LOG.info("standard input closed; shutting down");
        try {
            if (onEndOfInput != null) {
                onEndOfInput.run();
            }
        } finally {
            server.closeSession(session);
            flushQuietly();
        }
    }

    /**
     * Reads and dispatches lines. A call (a tool call or any other application code) runs on the reading thread
     * itself, so its answer goes out without waiting for another thread to wake up; should it run longer than a tick
     * of the {@link StallWatch}, the watch starts a new reader and this one leaves once its call ends. Only one
     * thread reads at a time; the reader's state passes between them through the executor or the watch's CAS.
     */
    private final class ReadLoop implements Runnable {
        /** The loop on the thread that called {@link #run()}: it hands the first call on and goes back to waiting. */
        private final boolean caller;

        ReadLoop(boolean caller) {
            this.caller = caller;
        }

        @Override
        public void run() {
            if (!caller) {
                Thread.interrupted(); // a pooled thread may carry an interrupt from an earlier call
            }
            KeptCall calls = server.keptCall();
            while (true) {
                Runnable call;
                try {
                    call = nextCall(calls);
                } catch (IOException | RuntimeException | Error e) {
                    endOfInput(e);
                    if (e instanceof Error error && !caller) {
                        throw error;
                    }
                    return;
                }
                if (call == null) {
                    endOfInput(null);
                    return;
                }
                if (caller) {
                    startReader();
                    runElsewhere(call);
                    return;
                }
                if (!runHoldingReading(call)) {
                    return; // reading went on elsewhere while the call ran
                }
            }
        }

        /** Reads and dispatches lines until one starts a call, which is returned; null at end of input. */
        private Runnable nextCall(KeptCall calls) throws IOException {
            BoundedLineReader.Line line;
            while ((line = reader.next()) != null) {
                if (line.tooLong()) {
                    send(Messages.error(null, JsonRpcError.invalidRequest("the message is " + line.length()
                            + " bytes, more than the limit of " + server.maxMessageBytes() + " bytes")));
                    continue;
                }
                if (line.notUtf8()) {
                    send(Messages.error(null, Utf8.NOT_UTF8));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                accept(line.text(), calls);
                Runnable call = calls.take();
                if (call != null) {
                    return call;
                }
            }
            return null;
        }

        /** Runs a call under the watch; true if this thread still holds reading afterwards. */
        private boolean runHoldingReading(Runnable call) {
            StallWatch.Inline inline = watch.begin();
            try {
                call.run();
            } catch (RuntimeException | Error e) {
                // Calls catch their own exceptions, so this is a VirtualMachineError or alike: it ends this thread,
                // as it would a worker thread, but reading goes on.
                if (watch.end(inline)) {
                    startReader();
                }
                throw e;
            }
            return watch.end(inline);
        }
    }

    /** Starts a reader on the server's executor (on a thread of its own if the executor refuses: shutting down). */
    private void startReader() {
        try {
            server.executor().execute(new ReadLoop(false));
        } catch (RejectedExecutionException e) {
            Thread thread = new Thread(new ReadLoop(false), "mcp-stdio-reader");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void runElsewhere(Runnable call) {
        try {
            server.executor().execute(call);
        } catch (RejectedExecutionException e) {
            call.run(); // shutting down: the answer matters more than this thread's waiting
        }
    }

    private void endOfInput(Throwable failure) {
        watch.stop();
        readFailure = failure;
        inputEnded.countDown();
    }

    private void awaitEndOfInput() {
        boolean interrupted = false;
        while (true) {
            try {
                inputEnded.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the watch does when a call holds up reading. A class, not a lambda: lambdas cost start time. */
    private final class StartReader implements Runnable {
        @Override
        public void run() {
            startReader();
        }
    }

    private void accept(String text, KeptCall calls) {
        MessageParser.Parsed parsed = MessageParser.parse(text);
        if (!parsed.batch()) {
            server.handle(session, parsed.single(), this, calls);
            return;
        }
        if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
            send(Messages.error(null, JsonRpcError.invalidRequest("JSON-RPC batches are not accepted with protocol "
                    + (session.protocolVersion() == null ? "negotiation pending (initialize first, alone)" : session.protocolVersion())
                    + "; send one message per line")));
            return;
        }
        int answered = (int) parsed.messages().stream()
                .filter(m -> m instanceof JsonRpcMessage.Request || m instanceof JsonRpcMessage.Invalid).count();
        BatchCollector batch = new BatchCollector(answered, this, this::sendBatch);
        for (JsonRpcMessage message : parsed.messages()) {
            boolean answers = message instanceof JsonRpcMessage.Request || message instanceof JsonRpcMessage.Invalid;
            server.handle(session, message, answers ? batch.entryChannel() : this, calls);
        }
    }

    private void sendBatch(ArrayNode responses) {
        if (!responses.isEmpty()) {
            write(Json.writeBytes(responses));
        }
    }

    @Override
    public void send(ObjectNode message) {
        write(Json.writeBytes(message));
    }

    @Override
    public void complete(ObjectNode response) {
        if (response != null) {
            send(response);
        }
    }

    @Override
    public boolean isConnected() {
        return !outputBroken;
    }

    private void write(byte[] bytes) {
        if (outputBroken) {
            return;
        }
        synchronized (writeLock) {
            try {
                out.write(bytes);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                outputBroken = true;
                Log.LOG.warn("standard output is closed; messages to the client are dropped from now on ({})", e.getMessage());
            }
        }
    }

    private void flushQuietly() {
        synchronized (writeLock) {
            try {
                out.flush();
            } catch (IOException e) {
                outputBroken = true;
            }
        }
    }
}

package dev.statamcp.mcp.transport.stdio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.JsonRpcMessage;
import dev.statamcp.mcp.jsonrpc.MessageParser;
import dev.statamcp.mcp.jsonrpc.Messages;
import dev.statamcp.mcp.server.BatchCollector;
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
        BoundedLineReader reader = new BoundedLineReader(in, server.maxMessageBytes());
        BoundedLineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.tooLong()) {
                send(Messages.error(null, JsonRpcError.invalidRequest("the message is " + line.length()
                        + " bytes, more than the limit of " + server.maxMessageBytes() + " bytes")));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            accept(line.text());
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

    private void accept(String text) {
        MessageParser.Parsed parsed = MessageParser.parse(text);
        if (!parsed.batch()) {
            server.handle(session, parsed.single(), this);
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
            server.handle(session, message, answers ? batch.entryChannel() : this);
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

package dev.statamcp.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.session.MessageChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One logical stream of a session: the answer to one POST, or the session's own stream (opened by GET). Every event
 * is stored before it is written, with an id {@code <stream>_<seq>} unique in the session, so a client that lost the
 * connection resumes with {@code Last-Event-ID} on a new GET and misses nothing. A POST stream starts undecided: a
 * quick answer goes out as plain JSON; the first notification, a slow answer or a polling close turns it into SSE.
 */
final class SseStream implements MessageChannel {
    private enum Mode { PENDING, JSON, SSE }

    private final HttpSession owner;
    private final String id;
    private final boolean standalone;
    private final AtomicInteger stored = new AtomicInteger();
    private Mode mode;
    private Response pendingResponse;
    private Callback pendingCallback;
    private SseConnection connection;
    private long nextSeq = 1;
    private long deliveredSeq;
    private boolean finished;

    /** A POST's stream, answering on {@code response}. */
    SseStream(HttpSession owner, String id, Response response, Callback callback) {
        this.owner = owner;
        this.id = id;
        this.standalone = false;
        this.mode = Mode.PENDING;
        this.pendingResponse = response;
        this.pendingCallback = callback;
    }

    /** The session's standalone stream; a GET attaches a connection to it. */
    SseStream(HttpSession owner, String id) {
        this.owner = owner;
        this.id = id;
        this.standalone = true;
        this.mode = Mode.SSE;
    }

    String id() {
        return id;
    }

    @Override
    public synchronized void send(ObjectNode message) {
        if (finished) {
            // The exchange is over (or was cancelled): late messages go to the session's stream instead of being lost.
            owner.standalone().send(message);
            return;
        }
        startSse();
        append(Json.write(message));
    }

    @Override
    public synchronized void complete(ObjectNode response) {
        if (standalone) {
            if (response != null) {
                send(response);
            }
            return;
        }
        if (finished) {
            return;
        }
        finished = true;
        if (mode == Mode.PENDING) {
            mode = Mode.JSON;
            answerPending(response);
            return;
        }
        if (response != null) {
            append(Json.write(response));
        }
        closeConnection();
    }

    /** Ends the stream with the responses of a batch: one JSON array, or one event each on an SSE stream. */
    synchronized void completeBatch(ArrayNode responses) {
        if (finished) {
            return;
        }
        finished = true;
        if (mode == Mode.PENDING) {
            mode = Mode.JSON;
            answerPending(responses.isEmpty() ? null : responses);
            return;
        }
        responses.forEach(response -> append(Json.write(response)));
        closeConnection();
    }

    /** Turns a still-undecided stream into SSE, so keep-alives can flow while a slow request runs. */
    synchronized void upgradeIfPending() {
        if (!finished && mode == Mode.PENDING) {
            startSse();
        }
    }

    @Override
    public synchronized void closeForPolling(long retryMillis) {
        if (finished || standalone) {
            return;
        }
        startSse();
        if (connection != null) {
            connection.write("retry: " + retryMillis + "\n\n");
            closeConnection();
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return mode == Mode.PENDING || (connection != null && connection.isOpen());
    }

    /** Attaches a GET connection: replays stored events after {@code afterSeq}, then stays for live ones. */
    synchronized void attach(SseConnection incoming, Long afterSeq) {
        closeConnection();
        long from = afterSeq != null ? afterSeq : deliveredSeq;
        if (afterSeq == null && owner.pollingSupported()) {
            incoming.write("id: " + eventId(from) + "\nretry: " + owner.retryMillis() + "\ndata: \n\n");
        } else {
            incoming.write(": stream resumed\n\n");
        }
        for (EventStore.StoredEvent event : owner.events().after(this, from)) {
            if (!incoming.write(format(event.seq(), event.data()))) {
                return;
            }
            deliveredSeq = Math.max(deliveredSeq, event.seq());
        }
        if (finished && !standalone) {
            incoming.close();
            return;
        }
        connection = incoming;
    }

    synchronized void keepAlive() {
        if (connection != null && !connection.write(": keepalive\n\n")) {
            connection = null;
        }
    }

    synchronized boolean hasOpenConnection() {
        return connection != null && connection.isOpen();
    }

    synchronized boolean isFinished() {
        return finished;
    }

    /** Whether nothing of this stream is left to replay (so the session may forget it). */
    boolean isForgettable() {
        return stored.get() == 0 && isFinished() && !hasOpenConnection();
    }

    synchronized void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Called by the event store when one of this stream's events is dropped to make room. */
    void evicted() {
        stored.decrementAndGet();
    }

    private void startSse() {
        if (mode != Mode.PENDING) {
            return;
        }
        mode = Mode.SSE;
        SseConnection.prepareHeaders(pendingResponse);
        connection = new SseConnection(pendingResponse, pendingCallback);
        pendingResponse = null;
        pendingCallback = null;
        if (owner.pollingSupported()) {
            // Priming event (2025-11-25): gives the client an id to resume from before any real event arrives.
            connection.write("id: " + eventId(0) + "\nretry: " + owner.retryMillis() + "\ndata: \n\n");
        } else {
            connection.write(": stream open\n\n");
        }
    }

    private void answerPending(JsonNode body) {
        Response response = pendingResponse;
        Callback callback = pendingCallback;
        pendingResponse = null;
        pendingCallback = null;
        if (body == null) {
            response.setStatus(202);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(Json.writeBytes(body)), callback);
    }

    private void append(String json) {
        long seq = nextSeq++;
        stored.incrementAndGet();
        owner.events().add(new EventStore.StoredEvent(this, seq, json));
        if (connection != null) {
            if (connection.write(format(seq, json))) {
                deliveredSeq = seq;
            } else {
                connection = null;
            }
        }
    }

    private String format(long seq, String json) {
        return "id: " + eventId(seq) + "\nevent: message\ndata: " + json + "\n\n";
    }

    private String eventId(long seq) {
        return id + "_" + seq;
    }
}

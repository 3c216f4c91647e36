package dev.statamcp.mcp.transport.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last events of one session, across its streams, kept so a client that reconnects with {@code Last-Event-ID}
 * gets what it missed. Bounded: the oldest events go first when the limit is reached.
 */
final class EventStore {
    /** One stored event: the stream it belongs to, its sequence number in that stream, and its JSON. */
    record StoredEvent(SseStream stream, long seq, String data) {
    }

    private final int capacity;
    private final Deque<StoredEvent> events = new ArrayDeque<>();

    EventStore(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(StoredEvent event) {
        events.addLast(event);
        while (events.size() > capacity) {
            StoredEvent dropped = events.removeFirst();
            dropped.stream().evicted();
        }
    }

    /** The stored events of {@code stream} after {@code afterSeq}, oldest first. */
    synchronized List<StoredEvent> after(SseStream stream, long afterSeq) {
        List<StoredEvent> result = new ArrayList<>();
        for (StoredEvent event : events) {
            if (event.stream() == stream && event.seq() > afterSeq) {
                result.add(event);
            }
        }
        return result;
    }

    synchronized int size() {
        return events.size();
    }
}

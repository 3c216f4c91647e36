package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream into a queue of events, on its own thread, until closed. */
final class SseClient implements AutoCloseable {
    record Event(String id, String type, String data) {
        JsonNode json() {
            return Json.parse(data);
        }
    }

    /** Put on the queue when the server ends the stream. */
    static final Event END_OF_STREAM = new Event(null, "(end of stream)", "");

    final int status;
    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    SseClient(HttpRequest request) throws Exception {
        response = RestServer.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String id = null;
        String type = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException closed) {
            // closed by the test
        }
        events.add(END_OF_STREAM);
    }

    /** The next event, waiting up to the given seconds; fails the test when none comes. */
    Event next(int seconds) throws InterruptedException {
        Event e = events.poll(seconds, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + seconds + " s");
        }
        return e;
    }

    /** Events up to and including the first of the given type. */
    java.util.List<Event> until(String type, int seconds) throws InterruptedException {
        java.util.List<Event> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime());
            Event e = next((int) Math.max(1, left));
            seen.add(e);
            if (e.type().equals(type) || e == END_OF_STREAM) {
                return seen;
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}

package dev.statamcp.server.rest.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.rest.ApiContext;
import dev.statamcp.server.rest.ApiException;
import dev.statamcp.server.rest.Exchange;
import dev.statamcp.server.rest.JobJson;
import dev.statamcp.server.rest.logs.LogCursor;
import dev.statamcp.server.rest.logs.LogRanges;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/jobs/{id}/events}: a job's life as Server-Sent Events — {@code started}, {@code line} (each line
 * the job printed, read from its log file), {@code progress} (position and last line, when it changes) and
 * {@code finished} (the ended job, sent after its result is stored; the stream then ends).
 *
 * <p>Event ids are byte offsets in the job's log: an event's id says how far into the log the client has got. A
 * client that reconnects with {@code Last-Event-ID} gets the lines it missed, read again from the log file, then
 * the current progress, and follows on live; nothing is kept in memory for it. The {@code finished} event's id is
 * {@code end}: reconnecting with it is answered 204 (EventSource then stops reconnecting). Without
 * {@code Last-Event-ID}, {@code ?from=start} (the default) replays the whole log, {@code ?from=end} starts at its
 * current end, and {@code ?from=N} at byte N — the {@code next_offset} of {@code /api/jobs/{id}/log}.
 */
public final class JobEventStream {
    static final long KEEP_ALIVE_MS = 15_000;
    static final long POLL_MS = 250;
    /** Lines sent per pass before progress is looked at again (a fast log still gets progress events). */
    static final int LINES_PER_PASS = 2000;
    public static final String END_ID = "end";

    private final ApiContext context;
    private final BooleanSupplier running;

    public JobEventStream(ApiContext context, BooleanSupplier running) {
        this.context = context;
        this.running = running;
    }

    public void serve(Exchange ex) throws Exception {
        JobManager jobs = context.jobs().get();
        Job job = jobs.find(jobId(ex.param("id"))).orElseThrow(() -> ApiException.notFound("no job "
                + ex.param("id") + " in the store; GET /api/jobs lists them"));
        String lastId = ex.header("Last-Event-ID");
        if (lastId != null && lastId.trim().equals(END_ID)) {
            ex.noContent(); // the client has had the end
            return;
        }
        long start;
        boolean resumed = lastId != null && !lastId.isBlank();
        if (resumed) {
            start = offset(lastId, "Last-Event-ID");
        } else {
            String from = ex.query("from");
            start = from == null || from.equals("start") ? 0 : from.equals("end") ? -1 : offset(from, "from");
        }
        ex.response().getHeaders().put("X-Accel-Buffering", "no");
        long first = start;
        ex.stream(200, "text/event-stream; charset=utf-8", out -> follow(jobs, job, first, resumed, out));
    }

    private static JobId jobId(String raw) {
        if (!JobId.isWellFormed(raw)) {
            throw ApiException.notFound("'" + raw + "' is not a job id (ids look like j0mhx2k3a9f1b2c3)");
        }
        return new JobId(raw);
    }

    private static long offset(String value, String what) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + what + "' must be a byte offset from an earlier event, not '"
                    + value + "'");
        }
    }

    /** What progress looked like when it was last sent. */
    private record Shown(JobStatus status, JobProgress progress, String state) {
    }

    private void follow(JobManager jobs, Job initial, long start, boolean resumed, OutputStream stream)
            throws IOException, InterruptedException {
        SseWriter sse = new SseWriter(stream);
        BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
        Runnable stopWatching = jobs.watch(initial.id(), e -> wake.offer(Boolean.TRUE));
        LogCursor cursor = null;
        try {
            sse.retry(2000);
            sse.comment("stream of job " + initial.id());
            sse.flush();
            long position = Math.max(start, 0);
            boolean startedSent = resumed;
            Shown shown = null;
            while (running.getAsBoolean()) {
                long passStart = System.nanoTime();
                Job job = jobs.find(initial.id()).orElse(null);
                if (job == null) {
                    sse.event(null, "gone", Json.object().put("job_id", initial.id().value())
                            .put("message", "the job was deleted from the store").toString());
                    sse.flush();
                    return;
                }
                boolean ended = job.isTerminal();
                if (cursor == null && job.logPath() != null && Files.isRegularFile(job.logPath())) {
                    Path log = job.logPath();
                    if (start < 0) { // ?from=end: the end of the log as it is now
                        start = Files.size(log);
                    }
                    cursor = LogCursor.open(log, LogRanges.wrapped(job), start);
                    position = cursor.position();
                }
                if (!startedSent && job.startedAt() != null) {
                    sse.event(Long.toString(position), "started", Json.write(JobJson.of(job,
                            context.clock().instant())));
                    startedSent = true;
                }
                boolean more = false;
                if (cursor != null) {
                    int sent = 0;
                    for (LogCursor.Line l; (l = cursor.next(ended)) != null; ) {
                        position = l.next();
                        if (l.output()) {
                            sse.event(Long.toString(position), "line", Json.write(lineJson(l)));
                            sent++;
                        }
                        if (sent >= LINES_PER_PASS && !ended) {
                            more = true;
                            break;
                        }
                        if (sse.hasPending() && sent % 200 == 0) {
                            sse.flush();
                        }
                    }
                }
                if (ended) {
                    sse.event(END_ID, "finished", Json.write(JobJson.of(job, context.clock().instant())));
                    sse.flush();
                    return;
                }
                String state = jobs.view(job.id()).map(JobManager.LiveView::state).orElse(null);
                Shown now = new Shown(job.status(), job.progress(), state);
                if (!now.equals(shown)) {
                    sse.event(Long.toString(position), "progress",
                            Json.write(ProgressJson.of(job, state, context.clock().instant())));
                    shown = now;
                }
                sse.flush();
                sse.keepAlive(KEEP_ALIVE_MS);
                if (!more) {
                    wake.poll(POLL_MS, TimeUnit.MILLISECONDS);
                    // A job printing without pause wakes this loop constantly: pass at most ~30 times a second.
                    long spent = (System.nanoTime() - passStart) / 1_000_000;
                    if (spent < 30) {
                        Thread.sleep(30 - spent);
                    }
                }
            }
        } finally {
            stopWatching.run();
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    static ObjectNode lineJson(LogCursor.Line l) {
        ObjectNode o = Json.object().put("offset", l.offset()).put("text", l.text()).put("echo", l.echo());
        if (l.cut()) {
            o.put("cut", true);
        }
        return o;
    }
}

package dev.statamcp.server.rest.events;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.rest.ApiContext;
import dev.statamcp.server.rest.Exchange;
import dev.statamcp.server.rest.JobJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/events}: what happens to every job this server runs — {@code started}, {@code progress} (at most a
 * few a second per job) and {@code finished} — for a dashboard's job list. Log lines are not sent here (follow one
 * job's {@code /events} for them). It is a live feed without event ids: a client that (re)connects lists the jobs
 * again (a {@code hello} event opens every connection), and a {@code resync} event says events were dropped because
 * the client read too slowly.
 */
public final class AllJobsStream {
    static final int QUEUE = 2000;
    static final long COALESCE_MS = 200;

    private final ApiContext context;
    private final BooleanSupplier running;

    public AllJobsStream(ApiContext context, BooleanSupplier running) {
        this.context = context;
        this.running = running;
    }

    public void serve(Exchange ex) throws Exception {
        JobManager jobs = context.jobs().get();
        ex.response().getHeaders().put("X-Accel-Buffering", "no");
        ex.stream(200, "text/event-stream; charset=utf-8", out -> follow(jobs, out));
    }

    private void follow(JobManager jobs, OutputStream stream) throws IOException, InterruptedException {
        SseWriter sse = new SseWriter(stream);
        BlockingQueue<JobEvent> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean overflow = new AtomicBoolean();
        Runnable stop = jobs.watchAll(e -> {
            if (!(e instanceof JobEvent.Line) && !queue.offer(e)) {
                overflow.set(true);
            }
        });
        try {
            sse.retry(3000);
            sse.event(null, "hello", Json.object().put("time", context.clock().instant().toString()).toString());
            sse.flush();
            while (running.getAsBoolean()) {
                JobEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    sse.keepAlive(JobEventStream.KEEP_ALIVE_MS);
                    continue;
                }
                Thread.sleep(COALESCE_MS); // gather a burst, then send the latest progress of each job once
                List<JobEvent> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch);
                if (overflow.getAndSet(false)) {
                    sse.event(null, "resync", Json.object().put("message", "events were dropped; list the jobs"
                            + " again").toString());
                }
                Map<JobId, JobEvent> latestProgress = new LinkedHashMap<>();
                for (JobEvent e : batch) {
                    if (e instanceof JobEvent.Progress) {
                        latestProgress.put(e.job(), e);
                    } else {
                        send(sse, jobs, e);
                    }
                }
                for (JobEvent e : latestProgress.values()) {
                    send(sse, jobs, e);
                }
                sse.flush();
            }
        } finally {
            stop.run();
        }
    }

    private void send(SseWriter sse, JobManager jobs, JobEvent e) {
        if (e instanceof JobEvent.Finished f) {
            sse.event(null, "finished", Json.write(JobJson.of(f.finished(), context.clock().instant())));
            return;
        }
        Job job = jobs.find(e.job()).orElse(null);
        if (job == null) {
            return;
        }
        if (e instanceof JobEvent.Started) {
            sse.event(null, "started", Json.write(JobJson.of(job, context.clock().instant())));
        } else if (e instanceof JobEvent.Progress p) {
            if (job.isTerminal()) {
                return; // its finished event says it all
            }
            sse.event(null, "progress", Json.write(ProgressJson.of(job, p.state(), context.clock().instant())));
        }
    }
}

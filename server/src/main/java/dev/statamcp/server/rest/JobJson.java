package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.resources.JobView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A job as the API shows it: the same fields as the MCP tools and resources, plus the API's own links. */
public final class JobJson {
    private JobJson() {
    }

    public static ObjectNode of(Job job, Instant now) {
        ObjectNode n = JobView.of(job, now);
        Long total = job.progress().commandsTotal();
        if (job.status() == JobStatus.SUCCEEDED) {
            n.put("percent", 100.0); // it ran to its end, whatever position was last stored
        } else if (total != null && total > 0) {
            n.put("percent", Math.min(100.0, Math.round(1000.0 * job.progress().commandsDone() / total) / 10.0));
        } else {
            n.putNull("percent");
        }
        String base = "/api/jobs/" + job.id().value();
        ObjectNode links = n.putObject("links");
        links.put("self", base);
        links.put("events", base + "/events");
        links.put("log", base + "/log");
        links.put("log_text", base + "/log.txt");
        links.put("result", base + "/result");
        links.put("cancel", base + "/cancel");
        ArrayNode graphs = n.putArray("graphs");
        for (String file : job.graphs()) {
            graphs.addObject().put("file", file).put("url", base + "/graphs/" + encode(file));
        }
        return n;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

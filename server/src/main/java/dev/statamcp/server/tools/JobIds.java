package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.server.jobs.JobId;

/** Reads the {@code job_id} argument; a malformed one is a protocol error (the schema's pattern says so too). */
final class JobIds {
    private JobIds() {
    }

    static JobId from(ObjectNode arguments) {
        String raw = arguments.path("job_id").asText("");
        if (!JobId.isWellFormed(raw)) {
            throw McpException.invalidParams("'job_id' must be a job id like j0mhx2k3a9f1b2c3, as returned by"
                    + " stata_run or stata_jobs; got '" + raw + "'");
        }
        return new JobId(raw);
    }
}

package dev.statamcp.server.tools;

/** JSON Schemas shared by several tools. */
final class Schemas {
    private Schemas() {
    }

    static final String JOB_ID = """
            {"type": "string", "pattern": "^j[0-9a-z]{15}$",
             "description": "A job id as returned by stata_run, stata_run_file or stata_jobs (e.g. j0mhx2k3a9f1b2c3)."}""";

    /**
     * What every run-like tool returns in structuredContent: a finished job's facts, or a queued/running job's
     * position. Properties beyond these may appear (error facts for a failed run).
     */
    static final String RUN_OUTPUT = """
            {"type": "object",
             "properties": {
               "job_id": {"type": "string"},
               "status": {"type": "string",
                          "enum": ["queued", "running", "succeeded", "failed", "cancelled", "timed_out", "interrupted"]},
               "session": {"type": "string"},
               "rc": {"type": ["integer", "null"], "description": "Stata's return code; 0 = success"},
               "duration_seconds": {"type": "number"},
               "log_uri": {"type": "string"},
               "truncated": {"type": "boolean"},
               "omitted_lines": {"type": "integer"},
               "message": {"type": "string"},
               "line": {"type": ["integer", "null"]},
               "command": {"type": "string"},
               "hint": {"type": "string"},
               "log_tail": {"type": "string"},
               "reason": {"type": "string"},
               "graphs": {"type": "array", "items": {"type": "object",
                          "properties": {"name": {"type": "string"}, "file": {"type": "string"},
                                         "uri": {"type": "string"}, "mime_type": {"type": "string"}},
                          "required": ["name", "uri"]}},
               "commands_done": {"type": "integer"},
               "commands_total": {"type": ["integer", "null"]},
               "last_line": {"type": ["string", "null"]},
               "elapsed_seconds": {"type": "number"},
               "next": {"type": "string"}
             },
             "required": ["job_id", "status"]}""";
}

package dev.statamcp.server.jobs;

import java.util.List;
import java.util.Map;

/**
 * What a job runs, as the caller asked for it. Stored as JSON with the job so that a restarted server, the
 * REST API and the dashboard see exactly what was requested.
 *
 * @param kind           how it runs
 * @param session        the console session (CODE, FILE); for BATCH and CLUSTER a label only
 * @param code           Stata code (CODE)
 * @param path           absolute path of the do-file (FILE, BATCH, CLUSTER)
 * @param cwd            absolute working directory, or null for the session's / the do-file's folder
 * @param args           arguments passed to the do-file
 * @param timeoutSeconds per-job limit, or null for the server default
 * @param output         compact or full output in the result
 * @param maxOutputChars limit on the output text in the result, or null for the server default
 * @param cluster        scheduler options for CLUSTER jobs (partition, time, cpus, mem, account, extra)
 */
public record JobSpec(
        JobKind kind,
        String session,
        String code,
        String path,
        String cwd,
        List<String> args,
        Integer timeoutSeconds,
        OutputMode output,
        Integer maxOutputChars,
        Map<String, String> cluster) {

    public JobSpec {
        args = args == null ? List.of() : List.copyOf(args);
        cluster = cluster == null ? Map.of() : Map.copyOf(cluster);
        output = output == null ? OutputMode.COMPACT : output;
    }

    public static JobSpec code(String session, String code) {
        return new JobSpec(JobKind.CODE, session, code, null, null, List.of(), null, OutputMode.COMPACT, null, Map.of());
    }

    public JobSpec withTimeoutSeconds(Integer seconds) {
        return new JobSpec(kind, session, code, path, cwd, args, seconds, output, maxOutputChars, cluster);
    }

    /** One line a person can read in a job list: the code's first line or the do-file path. */
    public String describe() {
        if (kind == JobKind.CODE) {
            String first = code == null ? "" : code.strip().lines().findFirst().orElse("");
            return first.length() > 80 ? first.substring(0, 79) + "…" : first;
        }
        return "do " + path + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }
}

package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.app.JobRequests;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.safety.PathPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/jobs}, checked as strictly as the MCP tools' input schemas check theirs (unknown
 * fields are refused, so a misspelt option is not silently ignored), then submitted through {@link JobRequests}.
 */
final class JobStartRequest {
    static final Pattern SESSION = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");
    private static final Set<String> FIELDS = Set.of("code", "path", "args", "cwd", "mode", "session",
            "timeout_seconds", "output", "max_output_chars", "cluster");
    static final String ORIGIN = "rest";

    private JobStartRequest() {
    }

    static Job submit(ObjectNode body, JobRequests requests, PathPolicy paths) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; a job takes " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        }
        String code = text(body, "code");
        String path = text(body, "path");
        if ((code == null) == (path == null)) {
            throw ApiException.badRequest("give either 'code' (Stata code to run) or 'path' (a do-file), not "
                    + (code == null ? "neither" : "both"));
        }
        String session = text(body, "session");
        if (session == null) {
            session = "default";
        } else if (!SESSION.matcher(session).matches()) {
            throw ApiException.badRequest("'session' must be 1 to 32 letters, digits, '_' or '-', not '" + session + "'");
        }
        Integer timeout = integer(body, "timeout_seconds", 1, Integer.MAX_VALUE);
        Integer maxChars = integer(body, "max_output_chars", 1000, 2_000_000);
        OutputMode output;
        try {
            output = OutputMode.fromWire(text(body, "output") == null ? "compact" : text(body, "output"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'output' must be compact or full");
        }
        String mode = text(body, "mode") == null ? "session" : text(body, "mode");
        if (code != null) {
            if (!mode.equals("session") || body.has("args") || body.has("cwd") || body.has("cluster")) {
                throw ApiException.badRequest("'mode', 'args', 'cwd' and 'cluster' apply to do-files ('path'), not"
                        + " to code");
            }
            JobSpec spec = new JobSpec(JobKind.CODE, session, code, null, null, List.of(), timeout, output, maxChars,
                    Map.of());
            return requests.code(spec, ORIGIN);
        }
        JobKind kind = switch (mode) {
            case "session" -> JobKind.FILE;
            case "batch" -> JobKind.BATCH;
            case "cluster" -> JobKind.CLUSTER;
            default -> throw ApiException.badRequest("'mode' must be session, batch or cluster, not '" + mode + "'");
        };
        return requests.file(paths, kind, path, text(body, "cwd"), strings(body.get("args")),
                kind == JobKind.FILE ? session : kind.wireName(), timeout, output, maxChars,
                cluster(body.get("cluster")), ORIGIN);
    }

    private static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        if (v.asText().isBlank()) {
            throw ApiException.badRequest("'" + field + "' is empty");
        }
        return v.asText();
    }

    private static Integer integer(ObjectNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw ApiException.badRequest("'" + field + "' must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        }
        return v.asInt();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw ApiException.badRequest("'args' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() && !item.isNumber()) {
                throw ApiException.badRequest("'args' must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static Map<String, String> cluster(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'cluster' must be an object of scheduler options");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}

package dev.statamcp.server.results;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code stata://} resource URIs the server hands out. */
public final class Uris {
    private Uris() {
    }

    public static String job(String jobId) {
        return "stata://jobs/" + jobId;
    }

    public static String jobLog(String jobId) {
        return "stata://jobs/" + jobId + "/log";
    }

    public static String graph(String jobId, String file) {
        return "stata://graphs/" + jobId + "/" + encode(file);
    }

    public static String sessionVariables(String session) {
        return "stata://sessions/" + encode(session) + "/variables";
    }

    public static String help(String topic) {
        return "stata://help/" + encode(topic);
    }

    /** Percent-encodes a path segment (spaces as %20, not +). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

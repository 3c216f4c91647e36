package dev.statamcp.server.rest;

/**
 * A request the API answers with an error: an HTTP status, a short machine-readable code and a message that says
 * what happened and what to do. Sent as {@code {"error": code, "message": message}}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String error, String message) {
        return new ApiException(409, error, message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}

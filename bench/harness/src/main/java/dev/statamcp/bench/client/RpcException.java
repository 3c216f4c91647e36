package dev.statamcp.bench.client;

import java.io.IOException;

/** The server did not answer as a working MCP server would: no answer, a wrong answer, or a dead process. */
public final class RpcException extends IOException {
    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}

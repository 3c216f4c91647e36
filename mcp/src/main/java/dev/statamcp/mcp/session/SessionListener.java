package dev.statamcp.mcp.session;

/**
 * Told when a client session opens (after {@code initialize}) and closes (stdio EOF, HTTP DELETE or expiry). Closing a
 * session does not cancel its running calls: the application decides what happens to them.
 */
public interface SessionListener {
    default void opened(ClientSession session) {
    }

    default void closed(ClientSession session) {
    }
}

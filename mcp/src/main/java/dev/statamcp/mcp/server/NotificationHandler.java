package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.session.ClientSession;

/** Handles a client notification the application cares about. Runs on the transport's thread: be quick. */
@FunctionalInterface
public interface NotificationHandler {
    void handle(ObjectNode params, ClientSession session);
}

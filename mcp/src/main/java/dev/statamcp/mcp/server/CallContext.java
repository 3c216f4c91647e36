package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.Messages;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.LogLevel;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link RequestContext} of one request in flight; also the handle its cancellation goes through. */
final class CallContext implements RequestContext, McpSession.Cancellable {
    private static final Logger LOG = LoggerFactory.getLogger(CallContext.class);

    private final McpSession session;
    private final MessageChannel channel;
    private final JsonNode requestId;
    private final String method;
    private final JsonNode meta;
    private final JsonNode progressToken;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final Object progressLock = new Object();
    private double lastProgress = Double.NEGATIVE_INFINITY;
    private volatile boolean cancelled;
    private volatile String cancelReason;

    CallContext(McpSession session, MessageChannel channel, JsonNode requestId, String method, ObjectNode params) {
        this.session = session;
        this.channel = channel;
        this.requestId = requestId;
        this.method = method;
        JsonNode metaNode = params.get("_meta");
        this.meta = metaNode != null && metaNode.isObject() ? metaNode : null;
        JsonNode token = meta == null ? null : meta.get("progressToken");
        this.progressToken = token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
    }

    MessageChannel channel() {
        return channel;
    }

    @Override
    public JsonNode requestId() {
        return requestId;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public JsonNode progressToken() {
        return progressToken;
    }

    @Override
    public JsonNode meta() {
        return meta;
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (progressToken == null || cancelled || !session.isOpen()) {
            return;
        }
        synchronized (progressLock) {
            if (!(progress > lastProgress)) {
                LOG.debug("dropped progress {} for request {}: not above {}", progress, requestId, lastProgress);
                return;
            }
            lastProgress = progress;
            ObjectNode params = Json.object();
            params.set("progressToken", progressToken);
            putNumber(params, "progress", progress);
            if (total != null) {
                putNumber(params, "total", total);
            }
            if (message != null) {
                params.put("message", message);
            }
            // Sent under the lock so that values reach the client in the order they were accepted.
            channel.send(Messages.notification("notifications/progress", params));
        }
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        session.log(channel, level, logger, data);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String cancelReason() {
        return cancelReason;
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled && cancelActions.remove(action)) {
            runQuietly(action);
        }
    }

    @Override
    public void cancel(String reason) {
        if (cancelled) {
            return;
        }
        cancelReason = reason;
        cancelled = true;
        for (Runnable action : cancelActions) {
            if (cancelActions.remove(action)) {
                runQuietly(action);
            }
        }
        // The client stops listening for this request: end its stream now rather than when the handler returns.
        channel.complete(null);
    }

    @Override
    public ClientSession session() {
        return session;
    }

    @Override
    public CompletableFuture<JsonNode> request(String method, JsonNode params) {
        return session.request(channel, method, params);
    }

    @Override
    public void closeStream(long retryMillis) {
        channel.closeForPolling(retryMillis);
    }

    @Override
    public boolean isStreamConnected() {
        return channel.isConnected();
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    private void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("a cancel callback of request {} failed", requestId, e);
        }
    }
}

package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.JsonRpcMessage;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.jsonrpc.Messages;
import dev.statamcp.mcp.session.Implementation;
import dev.statamcp.mcp.session.LogLevel;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import dev.statamcp.mcp.session.ProtocolVersion;
import dev.statamcp.mcp.tools.ToolCall;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes messages to the lifecycle, the features and the application's extra methods. Cheap built-in methods are
 * answered on the transport's thread; anything that runs application code is started on the executor the transport
 * passes, which never runs it on a thread the transport needs for reading, so the transport keeps reading (and a
 * cancellation can arrive) while it runs.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Work done on a worker thread for one request. */
    @FunctionalInterface
    private interface Work {
        JsonNode run(CallContext context) throws Exception;
    }

    private final McpServer server;

    Dispatcher(McpServer server) {
        this.server = server;
    }

    void handle(McpSession session, JsonRpcMessage message, MessageChannel reply, Executor calls) {
        if (message instanceof JsonRpcMessage.Request request) {
            handleRequest(session, request, reply, calls);
        } else if (message instanceof JsonRpcMessage.Notification notification) {
            handleNotification(session, notification);
        } else if (message instanceof JsonRpcMessage.Response response) {
            if (!session.acceptResponse(response.id(), response.result(), response.error())) {
                LOG.debug("ignored a response to unknown request id {}", response.id());
            }
        } else if (message instanceof JsonRpcMessage.Invalid invalid) {
            reply.complete(Messages.error(invalid.id(), invalid.error()));
        }
    }

    private void handleRequest(McpSession session, JsonRpcMessage.Request request, MessageChannel reply,
                               Executor calls) {
        try {
            JsonNode inline = answerInline(session, request, reply, calls);
            if (inline != null) {
                reply.complete(Messages.result(request.id(), inline));
            }
        } catch (McpException e) {
            reply.complete(Messages.error(request.id(), e.error()));
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", request.method(), request.id(), e);
            reply.complete(Messages.error(request.id(), JsonRpcError.internal(describe(e))));
        }
    }

    /** Answers built-in methods directly, or starts worker-thread work and returns null. */
    private JsonNode answerInline(McpSession session, JsonRpcMessage.Request request, MessageChannel reply,
                                  Executor calls) {
        String method = request.method();
        ObjectNode params = request.paramsObject();
        if (method.startsWith("notifications/")) {
            throw new McpException(JsonRpcError.invalidRequest("'" + method + "' is a notification and must be sent without an \"id\""));
        }
        if ("initialize".equals(method)) {
            return initialize(session, params);
        }
        if ("ping".equals(method)) {
            return Json.object();
        }
        if (session.state() != McpSession.State.INITIALIZED) {
            throw new McpException(JsonRpcError.invalidRequest(session.state() == McpSession.State.CLOSED
                    ? "the session is closed; start a new one with 'initialize'"
                    : "the session is not initialized; send 'initialize' first"));
        }
        switch (method) {
            case "tools/list":
                requireCapability("tools", method);
                return server.toolsFeature.list(params);
            case "tools/call": {
                requireCapability("tools", method);
                ToolCall call = server.toolsFeature.prepare(params);
                startWork(session, request, reply, calls, context -> server.toolsFeature.call(call, context));
                return null;
            }
            case "resources/list":
                requireCapability("resources", method);
                return server.resourcesFeature.list(params);
            case "resources/templates/list":
                requireCapability("resources", method);
                return server.resourcesFeature.listTemplates(params);
            case "resources/read":
                requireCapability("resources", method);
                startWork(session, request, reply, calls, context -> server.resourcesFeature.read(params, context));
                return null;
            case "resources/subscribe":
                requireCapability("resources", method);
                return server.resourcesFeature.subscribe(params, session);
            case "resources/unsubscribe":
                requireCapability("resources", method);
                return server.resourcesFeature.unsubscribe(params, session);
            case "prompts/list":
                requireCapability("prompts", method);
                return server.promptsFeature.list(params);
            case "prompts/get":
                requireCapability("prompts", method);
                startWork(session, request, reply, calls, context -> server.promptsFeature.get(params, context));
                return null;
            case "completion/complete":
                requireCapability("completions", method);
                startWork(session, request, reply, calls, context -> server.completionFeature.complete(params));
                return null;
            case "logging/setLevel":
                return setLevel(session, params);
            default:
                RequestHandler handler = server.extraMethods.get(method);
                if (handler == null) {
                    throw new McpException(JsonRpcError.methodNotFound(method));
                }
                startWork(session, request, reply, calls, context -> handler.handle(params, context));
                return null;
        }
    }

    private JsonNode initialize(McpSession session, ObjectNode params) {
        if (session.state() != McpSession.State.NEW) {
            throw new McpException(JsonRpcError.invalidRequest("the session is already initialized; 'initialize' may be sent only once"));
        }
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw McpException.invalidParams("'protocolVersion' is required: the MCP revision the client speaks, e.g. \""
                    + ProtocolVersion.LATEST + "\"");
        }
        String version = ProtocolVersion.negotiate(requested.textValue());
        session.initialized(version, Implementation.fromJson(params.get("clientInfo")), params.get("capabilities"));
        ObjectNode result = Json.object().put("protocolVersion", version);
        result.set("capabilities", server.capabilities.deepCopy());
        result.set("serverInfo", server.info.toJson());
        if (server.instructions != null) {
            result.put("instructions", server.instructions);
        }
        server.sessionOpened(session);
        LOG.info("{} initialized", session);
        return result;
    }

    private JsonNode setLevel(McpSession session, ObjectNode params) {
        LogLevel level = LogLevel.fromWire(Json.text(params, "level"));
        if (level == null) {
            throw McpException.invalidParams("'level' must be one of debug, info, notice, warning, error, critical, alert, emergency");
        }
        session.logLevel(level);
        return Json.object();
    }

    private void requireCapability(String capability, String method) {
        if (!server.capabilities.has(capability)) {
            throw new McpException(JsonRpcError.methodNotFound(method));
        }
    }

    private void startWork(McpSession session, JsonRpcMessage.Request request, MessageChannel reply, Executor calls,
                           Work work) {
        CallContext context = new CallContext(session, reply, request.id(), request.method(), request.paramsObject());
        if (!session.registerCall(request.id(), context)) {
            throw new McpException(JsonRpcError.invalidRequest("a request with id " + request.id()
                    + " is still in progress; each request needs an id not in use"));
        }
        try {
            calls.execute(() -> runWork(session, request, context, work));
        } catch (RejectedExecutionException e) {
            session.unregisterCall(request.id(), context);
            throw new McpException(JsonRpcError.internal("the server is shutting down and accepts no new work"));
        }
    }

    private void runWork(McpSession session, JsonRpcMessage.Request request, CallContext context, Work work) {
        // The thread is not renamed for the call: a native thread-name change per call costs two system calls,
        // and a thread dump shows what a call thread runs in its stack anyway.
        ObjectNode response;
        try {
            response = Messages.result(request.id(), work.run(context));
        } catch (McpException e) {
            response = Messages.error(request.id(), e.error());
        } catch (InterruptedException e) {
            response = Messages.error(request.id(), JsonRpcError.internal("the request was interrupted (server shutting down)"));
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("request {} {} failed", request.method(), request.id(), e);
            response = Messages.error(request.id(), JsonRpcError.internal(describe(e)));
        } finally {
            session.unregisterCall(request.id(), context);
            Thread.interrupted(); // a pooled thread must not carry an interrupt into the next call
        }
        // A cancelled request gets no response (the client has stopped waiting for it).
        context.channel().complete(context.isCancelled() ? null : response);
    }

    private void handleNotification(McpSession session, JsonRpcMessage.Notification notification) {
        ObjectNode params = notification.paramsObject();
        switch (notification.method()) {
            case "notifications/initialized":
                LOG.debug("{} confirmed initialization", session.id());
                return;
            case "notifications/cancelled": {
                JsonNode requestId = params.get("requestId");
                if (requestId != null && session.cancel(requestId, Json.text(params, "reason"))) {
                    LOG.info("{} cancelled request {}: {}", session.id(), requestId, Json.text(params, "reason"));
                }
                return;
            }
            default:
                NotificationHandler handler = server.extraNotifications.get(notification.method());
                if (handler != null && session.state() == McpSession.State.INITIALIZED) {
                    try {
                        handler.handle(params, session);
                    } catch (RuntimeException e) {
                        LOG.warn("notification handler for {} failed", notification.method(), e);
                    }
                } else {
                    LOG.debug("ignored notification {}", notification.method());
                }
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                + " (details are in the server log)";
    }
}

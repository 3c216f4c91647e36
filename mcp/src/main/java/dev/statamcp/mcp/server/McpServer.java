package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.completion.CompletionFeature;
import dev.statamcp.mcp.completion.CompletionProvider;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcMessage;
import dev.statamcp.mcp.prompts.Prompt;
import dev.statamcp.mcp.prompts.PromptsFeature;
import dev.statamcp.mcp.resources.Resource;
import dev.statamcp.mcp.resources.ResourceTemplate;
import dev.statamcp.mcp.resources.ResourcesFeature;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.Implementation;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import dev.statamcp.mcp.session.SessionListener;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolCallInterceptor;
import dev.statamcp.mcp.tools.ToolsFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MCP server: what it offers (tools, resources, prompts, completions, extra methods) and the sessions of the
 * clients connected to it. Transports feed it messages with {@link #handle}; it knows nothing of how bytes travel.
 */
public final class McpServer {
    private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);

    final Implementation info;
    final String instructions;
    final Catalog<Tool> tools;
    final Catalog<Resource> resources;
    final Catalog<ResourceTemplate> resourceTemplates;
    final Catalog<Prompt> prompts;
    final ToolsFeature toolsFeature;
    final ResourcesFeature resourcesFeature;
    final PromptsFeature promptsFeature;
    final CompletionFeature completionFeature;
    final Map<String, RequestHandler> extraMethods;
    final Map<String, NotificationHandler> extraNotifications;
    final ObjectNode capabilities;
    final List<SessionListener> listeners;
    final ExecutorService executor;
    final int maxMessageBytes;
    private final Set<McpSession> sessions = ConcurrentHashMap.newKeySet();
    /** Threads of a transport running a call themselves (see {@link KeptCall#runHere()}), for {@link #shutdownNow()}. */
    private final Set<Thread> inlineCallThreads = ConcurrentHashMap.newKeySet();
    private final Dispatcher dispatcher;

    private McpServer(Builder builder) {
        this.info = builder.info;
        this.instructions = builder.instructions;
        this.tools = builder.tools;
        this.resources = builder.resources;
        this.resourceTemplates = builder.resourceTemplates;
        this.prompts = builder.prompts;
        this.toolsFeature = new ToolsFeature(tools, builder.pageSize, builder.interceptor);
        this.resourcesFeature = new ResourcesFeature(resources, resourceTemplates, builder.pageSize);
        this.promptsFeature = new PromptsFeature(prompts, builder.pageSize);
        this.completionFeature = new CompletionFeature(builder.completions);
        this.extraMethods = Map.copyOf(builder.extraMethods);
        this.extraNotifications = Map.copyOf(builder.extraNotifications);
        this.listeners = List.copyOf(builder.listeners);
        this.executor = builder.executor != null ? builder.executor : callExecutor();
        this.maxMessageBytes = builder.maxMessageBytes;
        this.capabilities = capabilities(builder);
        this.dispatcher = new Dispatcher(this);
        tools.onChange(new ListChanged("notifications/tools/list_changed"));
        resources.onChange(new ListChanged("notifications/resources/list_changed"));
        resourceTemplates.onChange(new ListChanged("notifications/resources/list_changed"));
        prompts.onChange(new ListChanged("notifications/prompts/list_changed"));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- for transports ------------------------------------------------------------------------------------------

    /** Creates the state for a new connection; it joins the live sessions once {@code initialize} succeeds. */
    public McpSession newSession(String id, MessageChannel sessionChannel) {
        return new McpSession(id, sessionChannel);
    }

    /** Handles one received message; answers go to {@code reply} (possibly later, from a worker thread). */
    public void handle(McpSession session, JsonRpcMessage message, MessageChannel reply) {
        dispatcher.handle(session, message, reply, executor);
    }

    /**
     * Handles one received message, starting the calls it makes (application code: tool handlers, extra methods,
     * resource reads, prompts, completions) on {@code calls}, for example a {@link KeptCall}. {@code calls} must
     * never run them on a thread the transport needs to go on receiving, nor queue them behind one another.
     */
    public void handle(McpSession session, JsonRpcMessage message, MessageChannel reply, Executor calls) {
        dispatcher.handle(session, message, reply, calls);
    }

    /** The executor calls run on (the builder's, or a thread per call); transports may run their own tasks on it. */
    public Executor executor() {
        return executor;
    }

    /** A fresh {@link KeptCall} for the calls of one received message. */
    public KeptCall keptCall() {
        return new KeptCall(executor, inlineCallThreads);
    }

    /** Closes a session: tells the listeners, but leaves its running calls alone (the application decides). */
    public void closeSession(McpSession session) {
        if (session.close()) {
            sessions.remove(session);
            for (SessionListener listener : listeners) {
                try {
                    listener.closed(session);
                } catch (RuntimeException e) {
                    LOG.warn("a session listener failed on close of {}", session.id(), e);
                }
            }
        }
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    void sessionOpened(McpSession session) {
        sessions.add(session);
        for (SessionListener listener : listeners) {
            try {
                listener.opened(session);
            } catch (RuntimeException e) {
                LOG.warn("a session listener failed on open of {}", session.id(), e);
            }
        }
    }

    // ---- for the application -------------------------------------------------------------------------------------

    public Implementation info() {
        return info;
    }

    /** The initialized sessions still open. */
    public List<ClientSession> sessions() {
        return new ArrayList<>(sessions);
    }

    public Catalog<Tool> tools() {
        return tools;
    }

    public Catalog<Resource> resources() {
        return resources;
    }

    public Catalog<ResourceTemplate> resourceTemplates() {
        return resourceTemplates;
    }

    public Catalog<Prompt> prompts() {
        return prompts;
    }

    /** Sends {@code notifications/resources/updated} to the sessions subscribed to {@code uri}. */
    public void notifyResourceUpdated(String uri) {
        for (McpSession session : sessions) {
            if (session.isSubscribed(uri)) {
                session.notify("notifications/resources/updated", Json.object().put("uri", uri));
            }
        }
    }

    public void notifyResourceListChanged() {
        broadcast("notifications/resources/list_changed");
    }

    public void notifyToolListChanged() {
        broadcast("notifications/tools/list_changed");
    }

    public void notifyPromptListChanged() {
        broadcast("notifications/prompts/list_changed");
    }

    /** Stops the call executor without waiting; running handlers are interrupted. */
    public void shutdownNow() {
        executor.shutdownNow();
        inlineCallThreads.forEach(Thread::interrupt);
    }

    private void broadcast(String method) {
        for (McpSession session : sessions) {
            try {
                session.notify(method, null);
            } catch (RuntimeException e) {
                LOG.debug("could not notify {} of {}", session.id(), method, e);
            }
        }
    }

    private static ObjectNode capabilities(Builder builder) {
        ObjectNode caps = Json.object();
        caps.putObject("logging");
        if (!builder.completions.isEmpty()) {
            caps.putObject("completions");
        }
        if (builder.promptsEnabled || !builder.prompts.isEmpty()) {
            caps.putObject("prompts").put("listChanged", true);
        }
        if (builder.resourcesEnabled || !builder.resources.isEmpty() || !builder.resourceTemplates.isEmpty()) {
            caps.putObject("resources").put("subscribe", true).put("listChanged", true);
        }
        if (builder.toolsEnabled || !builder.tools.isEmpty()) {
            caps.putObject("tools").put("listChanged", true);
        }
        builder.extraCapabilities.forEach(caps::set);
        return caps;
    }

    private static ExecutorService callExecutor() {
        // A thread per call: tool handlers may block for hours, and the transport must keep reading meanwhile.
        return Executors.newCachedThreadPool(new CallThreads());
    }

    /** Names call threads and makes them daemons. A class, not a lambda: lambdas cost start time on first use. */
    private static final class CallThreads implements ThreadFactory {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "mcp-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Sends one list_changed notification to every session. */
    private final class ListChanged implements Runnable {
        private final String method;

        ListChanged(String method) {
            this.method = method;
        }

        @Override
        public void run() {
            broadcast(method);
        }
    }

    /** Collects what the server offers. Capabilities follow from what is registered or explicitly enabled. */
    public static final class Builder {
        private Implementation info = new Implementation("mcp-server", null, "0.0.0");
        private String instructions;
        private final Catalog<Tool> tools = new Catalog<>(Tool::name);
        private final Catalog<Resource> resources = new Catalog<>(Resource::uri);
        private final Catalog<ResourceTemplate> resourceTemplates = new Catalog<>(ResourceTemplate::uriTemplate);
        private final Catalog<Prompt> prompts = new Catalog<>(Prompt::name);
        private final List<CompletionProvider> completions = new ArrayList<>();
        private final Map<String, RequestHandler> extraMethods = new LinkedHashMap<>();
        private final Map<String, NotificationHandler> extraNotifications = new LinkedHashMap<>();
        private final Map<String, JsonNode> extraCapabilities = new LinkedHashMap<>();
        private final List<SessionListener> listeners = new ArrayList<>();
        private ToolCallInterceptor interceptor;
        private ExecutorService executor;
        private boolean toolsEnabled;
        private boolean resourcesEnabled;
        private boolean promptsEnabled;
        private int pageSize = 100;
        private int maxMessageBytes = 4 * 1024 * 1024;

        private Builder() {
        }

        public Builder serverInfo(String name, String title, String version) {
            this.info = new Implementation(name, title, version);
            return this;
        }

        public Builder instructions(String text) {
            this.instructions = text;
            return this;
        }

        public Builder tool(Tool tool) {
            tools.add(tool);
            return this;
        }

        public Builder resource(Resource resource) {
            resources.add(resource);
            return this;
        }

        public Builder resourceTemplate(ResourceTemplate template) {
            resourceTemplates.add(template);
            return this;
        }

        public Builder prompt(Prompt prompt) {
            prompts.add(prompt);
            return this;
        }

        public Builder completion(CompletionProvider provider) {
            completions.add(provider);
            return this;
        }

        /** Declares the tools capability even with no tool registered yet (tools may be added at runtime). */
        public Builder enableTools() {
            toolsEnabled = true;
            return this;
        }

        public Builder enableResources() {
            resourcesEnabled = true;
            return this;
        }

        public Builder enablePrompts() {
            promptsEnabled = true;
            return this;
        }

        /** Adds a JSON-RPC method (for example {@code tasks/get}); runs on a worker thread. */
        public Builder requestHandler(String method, RequestHandler handler) {
            extraMethods.put(method, handler);
            return this;
        }

        public Builder notificationHandler(String method, NotificationHandler handler) {
            extraNotifications.put(method, handler);
            return this;
        }

        /** Adds (or replaces) a top-level server capability, e.g. {@code tasks} or {@code experimental}. */
        public Builder capability(String name, JsonNode value) {
            extraCapabilities.put(name, value);
            return this;
        }

        public Builder toolCallInterceptor(ToolCallInterceptor value) {
            this.interceptor = value;
            return this;
        }

        public Builder sessionListener(SessionListener listener) {
            listeners.add(listener);
            return this;
        }

        /** The executor handlers run on; it must not queue calls behind one another (default: a thread per call). */
        public Builder executor(ExecutorService value) {
            this.executor = value;
            return this;
        }

        public Builder pageSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("page size must be at least 1");
            }
            this.pageSize = value;
            return this;
        }

        /** The largest message accepted, in bytes of UTF-8; larger ones are refused with an error. */
        public Builder maxMessageBytes(int value) {
            this.maxMessageBytes = value;
            return this;
        }

        public McpServer build() {
            return new McpServer(this);
        }
    }
}

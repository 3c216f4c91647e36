package dev.statamcp.bench.scenario;

import dev.statamcp.bench.client.HttpMcpClient;
import dev.statamcp.bench.client.McpClient;
import dev.statamcp.bench.client.SharedStdioMcpClient;
import dev.statamcp.bench.client.StdioMcpClient;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.subject.ServerProcess;
import dev.statamcp.bench.subject.ServerSubject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server started for a tool-call figure, with the clients that drive it: one client for the sequential figure;
 * for the concurrent one, one shared stdio connection or one HTTP session per client.
 */
final class RunningServer implements AutoCloseable {
    final ServerSubject subject;
    final ServerProcess process;
    final List<McpClient> clients;
    final Samples samples;
    private final Watchdog watchdog;
    double cpuMillisAtStart;
    long batchNanos;
    int measuredCalls;

    private RunningServer(ServerSubject subject, ServerProcess process, List<McpClient> clients, Watchdog watchdog,
                          int expectedCalls) {
        this.subject = subject;
        this.process = process;
        this.clients = clients;
        this.watchdog = watchdog;
        this.samples = new Samples(expectedCalls);
    }

    static RunningServer start(BenchContext context, ServerSubject subject, Transport transport, int clientCount,
                               String scenarioId) throws IOException {
        List<McpClient> clients = new ArrayList<>();
        int port = transport == Transport.HTTP ? ServerProcess.freePort() : -1;
        ServerProcess process = ServerProcess.start(
                transport == Transport.STDIO ? subject.stdioCommand() : subject.httpCommand(port),
                subject.workDir(), context.logDir().resolve(subject.name() + "." + scenarioId + ".stderr.log"));
        // Generous: a full run of 10,000 calls on the slowest server takes well under this.
        Watchdog watchdog = new Watchdog(process, 1_800);
        try {
            if (transport == Transport.STDIO) {
                clients.add(clientCount == 1 ? StdioMcpClient.initialize(process.stdin(), process.stdout())
                        : SharedStdioMcpClient.initialize(process.stdin(), process.stdout()));
            } else {
                process.awaitPort(port, 60_000);
                for (int i = 0; i < clientCount; i++) {
                    clients.add(HttpMcpClient.initialize("127.0.0.1", port, "/mcp"));
                }
            }
        } catch (IOException | RuntimeException e) {
            watchdog.close();
            process.close();
            throw e;
        }
        return new RunningServer(subject, process, clients, watchdog,
                context.settings().calls() + context.settings().warmupCalls());
    }

    /** The client a thread uses: its own HTTP session, or the one shared stdio connection. */
    McpClient client(int thread) {
        return clients.get(clients.size() == 1 ? 0 : thread);
    }

    @Override
    public void close() {
        for (McpClient client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // The server is being stopped anyway.
            }
        }
        watchdog.close();
        process.close();
    }
}

package dev.statamcp.server.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.statamcp.server.jobs.JobId;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RemoteCancelTest {
    private static final JobId ID = JobId.next(1_700_000_000_000L);

    private static RemoteCancel.Answer answer(int status) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
        try {
            return new RemoteCancel().cancel(URI.create("http://127.0.0.1:" + http.getAddress().getPort()), ID, null);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void eachRefusalSaysWhatToDo() throws Exception {
        assertThat(answer(202).accepted()).isTrue();
        RemoteCancel.Answer auth = answer(401);
        assertThat(auth.accepted()).isFalse();
        assertThat(auth.explanation()).contains("--token", "STATA_MCP_TOKEN");
        assertThat(answer(404).explanation()).contains("/api/jobs/" + ID + "/cancel", "404");
        assertThat(answer(500).explanation()).contains("HTTP 500");
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidToBeSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RemoteCancel.Answer a = new RemoteCancel().cancel(URI.create("http://127.0.0.1:" + port), ID, "t");
        assertThat(a.accepted()).isFalse();
        assertThat(a.explanation()).contains("did not answer");
    }
}

package dev.statamcp.server.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.store.ProcessOwner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerRegistryTest {
    @TempDir
    Path data;

    @Test
    void aServerIsFoundByTheProcessThatOwnsTheJobAndForgottenWhenItStops() throws Exception {
        ServerRegistry registry = new ServerRegistry(data);
        Runnable stop = registry.announce(URI.create("http://127.0.0.1:4123"), "1.2.3");
        ProcessOwner me = ProcessOwner.current();
        assertThat(registry.find(me)).hasValueSatisfying(e -> {
            assertThat(e.baseUri()).isEqualTo(URI.create("http://127.0.0.1:4123"));
            assertThat(e.pid()).isEqualTo(me.pid());
        });
        // Same pid, but a process started at another time: the pid was reused, it is not that server.
        assertThat(registry.find(new ProcessOwner(me.pid(), me.startedAtMillis() - 3_600_000))).isEmpty();
        assertThat(Files.readString(registry.file(me.pid()))).doesNotContain("token");
        stop.run();
        assertThat(registry.find(me)).isEmpty();
    }

    @Test
    void entriesOfGoneProcessesAndBrokenFilesAreIgnored() throws Exception {
        ServerRegistry registry = new ServerRegistry(data);
        long gone = Integer.MAX_VALUE - 3;
        Files.createDirectories(data.resolve("servers"));
        Files.writeString(registry.file(gone), "{\"pid\":" + gone + ",\"started_at\":1,\"url\":\"http://127.0.0.1:1\"}");
        assertThat(registry.find(new ProcessOwner(gone, 1))).isEmpty();
        long me = ProcessOwner.current().pid();
        Files.writeString(registry.file(me), "{not json");
        assertThat(registry.find(ProcessOwner.current())).isEmpty();
    }
}

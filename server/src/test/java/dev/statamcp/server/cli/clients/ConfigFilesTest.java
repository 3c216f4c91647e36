package dev.statamcp.server.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void backupsAreTimestampedAndNeverOverwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("mcp.json"), "{\"a\": 1}");
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        Path first = ConfigFiles.backup(file, clock);
        Path second = ConfigFiles.backup(file, clock);
        assertThat(first.getFileName().toString()).startsWith("mcp.json.bak-2026");
        assertThat(second).isNotEqualTo(first);
        assertThat(second.getFileName().toString()).endsWith("-2");
        assertThat(Files.readString(first)).isEqualTo("{\"a\": 1}");
        assertThat(Files.readString(second)).isEqualTo("{\"a\": 1}");
    }

    @Test
    void writesWholeFilesKeepingTheirPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("config.toml"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ConfigFiles.writeAtomically(file, "new");
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        Path created = dir.resolve("sub/dir/new.json");
        ConfigFiles.writeAtomically(created, "{}");
        assertThat(Files.readString(created)).isEqualTo("{}");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}

package dev.statamcp.server.sweep;

import dev.statamcp.server.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Sweep records as JSON files under {@code <data dir>/sweeps}, each replaced atomically when it changes. */
final class SweepFiles {
    private final Path dir;

    SweepFiles(Path dataDir) {
        this.dir = dataDir.resolve("sweeps");
    }

    void save(SweepRecord record) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(record.id() + ".json.tmp");
            Files.writeString(tmp, Json.write(record), StandardCharsets.UTF_8);
            Files.move(tmp, file(record.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep record " + file(record.id()) + ": "
                    + e.getMessage() + " (check that the data directory is writable)", e);
        }
    }

    Optional<SweepRecord> load(SweepId id) {
        Path f = file(id.value());
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readString(f, StandardCharsets.UTF_8), SweepRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweep record " + f + ": " + e.getMessage(), e);
        }
    }

    /** Deletes records created before {@code cutoff}; their tasks' jobs follow the job store's own retention. */
    int deleteOlderThan(long cutoffMillis) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (SweepId.isWellFormed(id) && Long.parseLong(id.substring(1, 10), 36) < cutoffMillis) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune sweep records in " + dir + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}

package dev.statamcp.stata.discovery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers verified binaries, keyed by path, modification time and size, so the next start does not launch Stata
 * again (each check takes seconds and briefly a licence seat). Only successes are cached: a licence problem can be
 * fixed without touching the binary. A damaged cache file is ignored and rewritten.
 */
final class DiscoveryCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryCache.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One cached verification. */
    record Entry(String path, long mtimeMillis, long size, String version, Edition edition, boolean emulator) {
    }

    /** The file layout, versioned so a later format can ignore this one. */
    record Contents(int format, List<Entry> entries) {
    }

    private static final int FORMAT = 1;

    private final Path file;

    DiscoveryCache(Path cacheDir) {
        this.file = cacheDir.resolve("stata-discovery.json");
    }

    Path file() {
        return file;
    }

    Optional<Verification.Accepted> lookup(Path binary) {
        Optional<long[]> stamp = stamp(binary);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : read()) {
            if (e.path().equals(binary.toString()) && e.mtimeMillis() == stamp.get()[0]
                    && e.size() == stamp.get()[1]) {
                return Optional.of(new Verification.Accepted(e.version(), e.edition(), e.emulator()));
            }
        }
        return Optional.empty();
    }

    synchronized void store(Path binary, Verification.Accepted accepted) {
        Optional<long[]> stamp = stamp(binary);
        if (stamp.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(e -> e.path().equals(binary.toString()));
        entries.add(new Entry(binary.toString(), stamp.get()[0], stamp.get()[1], accepted.version(),
                accepted.edition(), accepted.emulator()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "stata-discovery", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Contents(FORMAT, entries));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not write the discovery cache {}: {}", file, e.getMessage());
        }
    }

    private List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Contents c = JSON.readValue(file.toFile(), Contents.class);
            return c.format() == FORMAT && c.entries() != null ? c.entries() : List.of();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable discovery cache {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Modification time and size, following symlinks (an updated target invalidates the entry). */
    private static Optional<long[]> stamp(Path binary) {
        try {
            BasicFileAttributes a = Files.readAttributes(binary, BasicFileAttributes.class);
            return Optional.of(new long[] {a.lastModifiedTime().toMillis(), a.size()});
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

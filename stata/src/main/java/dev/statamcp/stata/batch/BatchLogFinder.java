package dev.statamcp.stata.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks, among the places a batch Stata may write its log, the one this run wrote. A file that was already there
 * counts only once it changed (Stata replaces it when it starts), so an old log of the same name is never read as
 * this run's, and no file of the user's is deleted to make sure of it.
 */
final class BatchLogFinder {

    private record FileState(Object key, long size, long modified) {
    }

    private final List<Path> candidates;
    private final Map<Path, Optional<FileState>> before = new HashMap<>();
    private final Instant notBefore;

    /** Snapshot now, before Stata starts. */
    static BatchLogFinder beforeStart(List<Path> candidates) {
        BatchLogFinder f = new BatchLogFinder(candidates, null);
        for (Path p : candidates) {
            f.before.put(p, state(p));
        }
        return f;
    }

    /** For an adopted run: a candidate counts when it was modified after the run started. */
    static BatchLogFinder startedAt(List<Path> candidates, Instant startedAt) {
        return new BatchLogFinder(candidates, startedAt.minusSeconds(2));
    }

    private BatchLogFinder(List<Path> candidates, Instant notBefore) {
        this.candidates = candidates;
        this.notBefore = notBefore;
    }

    Optional<Path> find() {
        for (Path p : candidates) {
            Optional<FileState> now = state(p);
            if (now.isEmpty()) {
                continue;
            }
            if (notBefore != null) {
                if (now.get().modified() >= notBefore.toEpochMilli()) {
                    return Optional.of(p);
                }
            } else if (!Objects.equals(before.get(p), now)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<FileState> state(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return Optional.of(new FileState(a.fileKey(), a.size(), a.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package dev.statamcp.server.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The data directory's layout: {@code jobs.db} and one folder per job holding its log and graphs. */
public record JobFolders(Path dataDir) {
    public JobFolders {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path database() {
        return dataDir.resolve("jobs.db");
    }

    public Path folder(JobId id) {
        return dataDir.resolve("jobs").resolve(id.value());
    }

    public Path graphs(JobId id) {
        return folder(id).resolve("graphs");
    }

    public Path create(JobId id) {
        try {
            return Files.createDirectories(folder(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job folder " + folder(id)
                    + ": " + e.getMessage() + " (check that the data directory is writable)", e);
        }
    }

    /** Removes a job's folder and everything in it; missing folders are fine. */
    public void delete(JobId id) throws IOException {
        Path dir = folder(id);
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

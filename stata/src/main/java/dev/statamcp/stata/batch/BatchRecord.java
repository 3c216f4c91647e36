package dev.statamcp.stata.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.statamcp.stata.process.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a later process needs to re-adopt a detached batch run: which process (pid plus its start time, so a
 * reused pid is never mistaken for it), which files, which code. Written as JSON beside the run's stdout and stderr.
 *
 * @param runId the engine's id of the run
 * @param pid the batch Stata's pid, which is also its process group id on Unix
 * @param processStart the process's start time as the OS reports it, when known
 * @param startedAt when the engine started it
 * @param doFile the do-file run
 * @param args its arguments
 * @param workingDirectory Stata's working directory
 * @param logCandidates where Stata may write its log (see {@code BatchLogLocation}), the documented name first
 * @param stdoutFile Stata's standard output
 * @param stderrFile Stata's standard error
 * @param platform where it runs
 */
public record BatchRecord(String runId, long pid, Optional<Instant> processStart, Instant startedAt, Path doFile,
                          List<String> args, Path workingDirectory, List<Path> logCandidates, Path stdoutFile, Path stderrFile,
                          Platform platform) {

    /** The run's private STATATMP: it also marks the processes of the run (see {@code LeaderlessGroup}). */
    public Path tempDir() {
        return stdoutFile.getParent().resolve("batch-" + runId + ".tmp");
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BatchRecord {
        args = List.copyOf(args);
        logCandidates = List.copyOf(logCandidates);
        if (logCandidates.isEmpty()) {
            throw new IllegalArgumentException("no log location");
        }
    }

    /** The documented log location. */
    public Path primaryLog() {
        return logCandidates.get(0);
    }

    /** Writes the record atomically. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static BatchRecord read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BatchRecord.class);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public static BatchRecord fromJson(String json) throws IOException {
        return JSON.readValue(json, BatchRecord.class);
    }
}

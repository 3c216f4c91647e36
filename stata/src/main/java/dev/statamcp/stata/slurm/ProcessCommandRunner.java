package dev.statamcp.stata.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes with a timeout, reading stdout and stderr at the same time. */
final class ProcessCommandRunner implements CommandRunner {

    /** More than any Slurm command prints for one job; guards memory if something goes wrong. */
    private static final int MAX_OUTPUT = 4 << 20;

    /** Pipe readers block on I/O, so they get their own daemon threads rather than the common pool. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slurm-command-output");
        t.setDaemon(true);
        return t;
    });

    @Override
    public CommandResult run(List<String> command, Map<String, String> extraEnv, Duration timeout)
            throws IOException, CommandTimeoutException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        // Both pipes are drained concurrently: a command that fills one pipe while we block on the other would hang.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new CommandTimeoutException(command.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not read the output of " + command.get(0), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

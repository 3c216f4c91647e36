package dev.statamcp.server.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Slurm's client commands as small shell scripts whose answers a test writes into files: what {@code scontrol show
 * job} prints for a job, whether sbatch or scancel fail and with which message. The executor is tested through
 * its real Slurm client and command runner; only the cluster is scripted. States a real one-node cluster cannot
 * produce on demand (node failure, out of memory, preemption) are covered this way.
 */
final class FakeSlurm {
    final Path bin;
    final Path state;

    FakeSlurm(Path dir) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        state = Files.createDirectories(dir.resolve("state"));
        String prelude = "#!/bin/bash\nstate=\"$(cd \"$(dirname \"$0\")/../state\" && pwd)\"\n"
                + "echo \"$(basename \"$0\") $*\" >> \"$state/calls\"\n";
        script("sbatch", prelude
                + "if [ -f \"$state/sbatch-error\" ]; then cat \"$state/sbatch-error\" >&2; exit 1; fi\n"
                + "id=$(cat \"$state/next-id\" 2>/dev/null || echo 4242)\n"
                + "echo \"${@: -1}\" > \"$state/script-$id\"\n"
                + "echo \"$id\"\n");
        script("scontrol", prelude
                + "if [ -f \"$state/scontrol-error\" ]; then cat \"$state/scontrol-error\" >&2; exit 1; fi\n"
                + "id=\"${@: -1}\"\n"
                + "if [ -f \"$state/job-$id\" ]; then cat \"$state/job-$id\"; else"
                + " echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1; fi\n");
        script("scancel", prelude
                + "if [ -f \"$state/scancel-error\" ]; then cat \"$state/scancel-error\" >&2; exit 1; fi\n"
                + "echo \"$1\" >> \"$state/cancelled\"\n");
        script("squeue", prelude + "cat \"$state/squeue\" 2>/dev/null; exit 0\n");
        script("sacct", prelude + "echo 'sacct: error: Slurm accounting storage is disabled' >&2; exit 1\n");
    }

    private void script(String name, String text) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** What {@code scontrol show job -o <id>} prints from now on. */
    void job(String id, String fields) throws IOException {
        Files.writeString(state.resolve("job-" + id), "JobId=" + id + " JobName=x " + fields + "\n");
    }

    /** Slurm forgets the job (after MinJobAge). */
    void forget(String id) throws IOException {
        Files.deleteIfExists(state.resolve("job-" + id));
    }

    void failing(String command, String stderr) throws IOException {
        Files.writeString(state.resolve(command + "-error"), stderr + "\n");
    }

    void healed(String command) throws IOException {
        Files.deleteIfExists(state.resolve(command + "-error"));
    }

    List<String> cancelled() throws IOException {
        Path f = state.resolve("cancelled");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    List<String> calls() throws IOException {
        Path f = state.resolve("calls");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }
}

package dev.statamcp.server.app;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.safety.PathPolicy;
import dev.statamcp.server.safety.PathRefusedException;
import dev.statamcp.server.safety.ShellEscapeRefusedException;
import dev.statamcp.server.safety.ShellGuard;
import dev.statamcp.server.sweep.SweepMode;
import dev.statamcp.server.sweep.SweepRequest;
import dev.statamcp.server.sweep.SweepService;
import dev.statamcp.server.sweep.SweepView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one way in for new jobs, whoever asks (MCP tools, the REST API, the CLI): paths are checked against the
 * allowed folders, shell escapes are refused unless allowed, then the job is submitted.
 */
public final class JobRequests {
    /** Do-files larger than this are not scanned for shell escapes (nobody writes such a do-file by hand). */
    private static final long SCAN_LIMIT = 16L * 1024 * 1024;

    private final JobManager jobs;
    private final boolean allowShell;
    private final SweepService sweeps;

    public JobRequests(JobManager jobs, boolean allowShell) {
        this(jobs, allowShell, null);
    }

    /** @param sweeps runs sweeps (null: this server offers none) */
    public JobRequests(JobManager jobs, boolean allowShell, SweepService sweeps) {
        this.jobs = jobs;
        this.allowShell = allowShell;
        this.sweeps = sweeps;
    }

    public JobManager jobs() {
        return jobs;
    }

    /** The sweeps: started through {@link #sweep}, looked at and cancelled here. */
    public SweepService sweeps() {
        if (sweeps == null) {
            throw new JobRejectedException("this server runs no sweeps");
        }
        return sweeps;
    }

    public Job code(JobSpec spec, String origin) {
        guard(spec.code());
        return jobs.submit(spec, origin);
    }

    /**
     * Submits a do-file run after checking the file and working directory lie inside the allowed folders.
     *
     * @param path the do-file as given (relative paths start at the first allowed folder)
     */
    public Job file(PathPolicy policy, JobKind kind, String path, String cwd, List<String> args, String session,
                    Integer timeoutSeconds, dev.statamcp.server.jobs.OutputMode output, Integer maxOutputChars,
                    Map<String, String> cluster, String origin) {
        CheckedFile checked = checkFile(policy, path, cwd);
        Path file = checked.file();
        Path dir = checked.dir();
        JobSpec spec = new JobSpec(kind, session, null, file.toString(), dir == null ? null : dir.toString(), args,
                timeoutSeconds, output, maxOutputChars, cluster);
        return jobs.submit(spec, origin);
    }

    /**
     * Starts a sweep (the do-file once per argument list) after the same checks as {@link #file}. Its working
     * directory defaults to the do-file's folder, as for a batch run.
     */
    public SweepView sweep(PathPolicy policy, String path, String cwd, List<List<String>> argLists,
                           Integer maxParallel, SweepMode mode, Map<String, String> cluster, Integer timeoutSeconds,
                           dev.statamcp.server.jobs.OutputMode output, Integer maxOutputChars, String origin) {
        CheckedFile checked = checkFile(policy, path, cwd);
        Path dir = checked.dir() != null ? checked.dir() : checked.file().getParent();
        SweepRequest request;
        try {
            request = new SweepRequest(checked.file(), dir, argLists, maxParallel, mode, cluster, timeoutSeconds,
                    output, maxOutputChars);
        } catch (IllegalArgumentException e) {
            throw new JobRejectedException(e.getMessage());
        }
        return sweeps().start(request, origin);
    }

    /** The do-file and working directory (null when not given), checked; the do-file scanned for shell escapes. */
    private CheckedFile checkFile(PathPolicy policy, String path, String cwd) {
        Path base = policy.roots().isEmpty() ? Path.of("").toAbsolutePath() : policy.roots().get(0);
        Path file = policy.check(path, base, "the do-file");
        if (!Files.isRegularFile(file)) {
            throw new PathRefusedException("the do-file " + file + " does not exist (relative paths start at "
                    + base + ")");
        }
        Path dir = cwd == null || cwd.isBlank() ? null : policy.check(cwd, base, "the working directory");
        if (dir != null && !Files.isDirectory(dir)) {
            throw new PathRefusedException("the working directory " + dir + " does not exist");
        }
        guard(read(file));
        return new CheckedFile(file, dir);
    }

    private record CheckedFile(Path file, Path dir) {
    }

    private void guard(String code) {
        if (allowShell || code == null) {
            return;
        }
        ShellGuard.find(code).ifPresent(f -> {
            throw new ShellEscapeRefusedException(ShellGuard.refusal(f));
        });
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > SCAN_LIMIT) {
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new JobRejectedException("cannot read the do-file " + file + ": " + again.getMessage());
            }
        } catch (IOException e) {
            throw new JobRejectedException("cannot read the do-file " + file + ": " + e.getMessage());
        }
    }
}

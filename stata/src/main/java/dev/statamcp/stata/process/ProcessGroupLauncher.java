package dev.statamcp.stata.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a command as the leader of a new process group (Unix), which {@link ProcessBuilder} cannot do by itself.
 *
 * <p>Linux: {@code setsid cmd...} (util-linux). A child of the JVM is never a group leader, so {@code setsid}
 * does not fork: it calls {@code setsid()} and execs, and the pid Java sees is the group id. macOS and other Unixes
 * without {@code setsid}: {@code perl -e 'POSIX::setsid(); exec ...'} does the same. Perl is also used on Linux when
 * this JVM was started with SIGINT ignored (a background job of a non-interactive shell): children inherit an
 * ignored SIGINT, and a Break could then never reach Stata, so perl restores the default first. Until the child
 * has made its group, signals to {@code -pid} find no group and do nothing, so the JVM's own group can never be
 * hit. Windows has no process groups; trees are killed with {@code taskkill /T}.
 */
public final class ProcessGroupLauncher {

    /** New session (or at least group), Break restored to its default action, then exec the command. */
    private static final String PERL_NEW_SESSION = "use POSIX (); $SIG{INT} = 'DEFAULT'; "
            + "POSIX::setsid() or setpgrp(0, 0); exec { $ARGV[0] } @ARGV; die \"cannot run $ARGV[0]: $!\\n\"";

    private final Platform platform;
    private final List<String> prefix;

    private ProcessGroupLauncher(Platform platform, List<String> prefix) {
        this.platform = platform;
        this.prefix = prefix;
    }

    /** The launcher for the platform the JVM runs on. */
    public static ProcessGroupLauncher forCurrentPlatform() {
        Platform platform = Platform.current();
        if (platform == Platform.WINDOWS) {
            return new ProcessGroupLauncher(platform, List.of());
        }
        Optional<Path> setsid = platform == Platform.MACOS || interruptIgnoredHere() ? Optional.empty()
                : onPath("setsid");
        if (setsid.isPresent()) {
            return new ProcessGroupLauncher(platform, List.of(setsid.get().toString()));
        }
        Optional<Path> perl = onPath("perl");
        if (perl.isPresent()) {
            return new ProcessGroupLauncher(platform, List.of(perl.get().toString(), "-e", PERL_NEW_SESSION));
        }
        throw new IllegalStateException("Neither 'setsid' nor 'perl' was found on PATH; the engine needs one of them "
                + "to start Stata in its own process group (so that stopping a run stops all of Stata). "
                + "Install util-linux (setsid) or perl.");
    }

    /** The perl-based launcher, whatever the platform (used where setsid is missing; tests use it too). */
    static ProcessGroupLauncher perlBased() {
        Path perl = onPath("perl").orElseThrow(() -> new IllegalStateException("perl not found on PATH"));
        return new ProcessGroupLauncher(Platform.current(), List.of(perl.toString(), "-e", PERL_NEW_SESSION));
    }

    public Platform platform() {
        return platform;
    }

    /** The full command line that will be executed for {@code command}. */
    public List<String> wrap(List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return full;
    }

    /**
     * Starts {@code builder}'s command in a new process group; the builder's directory, environment and redirects
     * are kept.
     */
    public LaunchedProcess start(ProcessBuilder builder) throws IOException {
        List<String> command = builder.command();
        builder.command(wrap(command));
        try {
            Process process = builder.start();
            Optional<ProcessGroup> group = platform == Platform.WINDOWS ? Optional.empty()
                    : Optional.of(new ProcessGroup(process.pid(), platform));
            return new LaunchedProcess(process, group, platform);
        } finally {
            builder.command(command);
        }
    }

    /** True when this JVM ignores SIGINT (Linux only; elsewhere perl is used anyway). */
    static boolean interruptIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                    return (mask & 0x2L) != 0; // bit of signal 2 (SIGINT)
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or unreadable: assume the default disposition
        }
        return false;
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>();
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

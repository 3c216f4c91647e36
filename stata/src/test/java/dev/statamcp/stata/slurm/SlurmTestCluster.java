package dev.statamcp.stata.slurm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the single-node Slurm cluster of {@code scripts/slurm/cluster-up} once per test run, and stops it after
 * the run if this run started it. Tests skip only when cluster-up says this machine cannot run Slurm (exit 77:
 * neither root nor passwordless sudo, or the packages cannot be installed), and never when {@code CI} is set: CI
 * machines must run them. Any other failure fails them.
 *
 * <p>The cluster is started here rather than in {@code scripts/install-test-deps} so that running these tests
 * alone ({@code mvn -pl stata test}) works the same as the full suite, and the daemons run only while tests need
 * them. install-test-deps still installs the packages (debian-test-packages.txt) with the others in one apt run.
 * Public (and shipped in this module's test jar) for the server module's cluster tests.
 */
public final class SlurmTestCluster implements BeforeAllCallback {

    /** cluster-up's exit code for "this machine cannot run Slurm". */
    private static final int CANNOT_RUN = 77;

    private static volatile Cluster cluster;

    /** The running cluster (after {@link #beforeAll}). */
    public static Cluster get() {
        return cluster;
    }

    /** A started cluster: where its state and config live. */
    public record Cluster(Path projectRoot, Path stateDir, boolean startedHere) implements AutoCloseable {

        public Path slurmConf() {
            return stateDir.resolve("slurm.conf");
        }

        /** A folder the compute node sees as its own tmpfs, empty from here; null if the namespace trick failed. */
        public Path nodeLocalDir() {
            return Files.exists(stateDir.resolve("node-local.private")) ? stateDir.resolve("node-local") : null;
        }

        @Override
        public void close() throws IOException {
            if (startedHere && System.getenv("STATA_MCP_SLURM_KEEP") == null) {
                try {
                    run(projectRoot.resolve("scripts/slurm/cluster-down"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SlurmTestCluster.class) {
            if (cluster != null) {
                return;
            }
            Path root = projectRoot();
            String state = System.getenv().getOrDefault("STATA_MCP_SLURM_DIR", "/tmp/stata-mcp-slurm");
            Result r = run(root.resolve("scripts/slurm/cluster-up"));
            if (r.exitCode == CANNOT_RUN) {
                if (onCi()) {
                    // CI machines are set up to run Slurm (scripts/install-test-deps): a skip there would hide a
                    // broken set-up behind a green build.
                    fail("CI is set, so the Slurm tests must run, but this machine cannot run Slurm (unset CI to"
                            + " let them skip): " + r.output);
                }
                Assumptions.abort("Slurm integration tests skipped, this machine cannot run Slurm: " + r.output);
            }
            if (r.exitCode != 0) {
                fail("scripts/slurm/cluster-up failed (exit " + r.exitCode + "):\n" + r.output);
            }
            cluster = new Cluster(root, Path.of(state), r.output.contains("starting slurmctld"));
            // Closed when the whole test run ends, not after this class: other classes share the cluster.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SlurmTestCluster.class, cluster);
        }
    }

    /** True where the environment says this is a CI run ({@code CI} set to anything but empty, false or 0). */
    static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("slurm-cluster", ".log");
        try {
            Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(script + " did not finish within 5 minutes:\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public static Path projectRoot() {
        String prop = System.getProperty("project.root");
        Path dir = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/slurm/cluster-up"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/slurm/cluster-up not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}

package dev.statamcp.mcp.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pinned Node packages of {@code node-tests/} (conformance suite, TypeScript SDK scripts). Fails, never skips,
 * when they are not installed.
 */
public final class NodeTests {
    private NodeTests() {
    }

    /** What a finished Node process left behind. */
    public record Outcome(int exitCode, String stdout, String stderr) {
    }

    public static Path projectRoot() {
        String root = System.getProperty("project.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("node-tests"))) {
            path = Path.of("").toAbsolutePath().getParent();
        }
        return path;
    }

    public static Path dir() {
        return projectRoot().resolve("node-tests");
    }

    /** Throws with instructions when {@code node-tests/node_modules} lacks the pinned packages. */
    public static void requireInstalled() {
        Path modules = dir().resolve("node_modules");
        for (String pkg : List.of("@modelcontextprotocol/conformance", "@modelcontextprotocol/sdk")) {
            if (!Files.isDirectory(modules.resolve(pkg))) {
                throw new AssertionError("Node package " + pkg + " is not installed in " + modules
                        + ". Run scripts/install-test-deps (it runs `npm ci` in node-tests/), or use scripts/test.");
            }
        }
    }

    public static Outcome run(List<String> args, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir().toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Could not start `node` (Node.js 20 is required for the interop tests): " + e.getMessage(), e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("node " + args + " did not finish within " + timeout + "\n" + Files.readString(err));
        }
        Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return outcome;
    }

    /** The path of the conformance CLI inside node_modules. */
    public static String conformanceCli() {
        return dir().resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString();
    }
}

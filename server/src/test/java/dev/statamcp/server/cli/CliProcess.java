package dev.statamcp.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged stata-mcp as a person would, with a chosen environment, and collects what it printed. */
final class CliProcess {
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("bin/stata-mcp");
    static final Path JAR = ROOT.resolve("server/target/stata-mcp.jar");
    static final Path FAKESTATA = ROOT.resolve("fakestata/bin/stata-mp");
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private CliProcess() {
    }

    /**
     * @param env the whole environment of the process (nothing is inherited)
     */
    static Result run(List<String> command, Map<String, String> env, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread a = copy(p.getInputStream(), out);
        Thread b = copy(p.getErrorStream(), err);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        a.join();
        b.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The launcher with these arguments. */
    static List<String> launcher(String... args) {
        List<String> c = new ArrayList<>(List.of(LAUNCHER.toString()));
        c.addAll(List.of(args));
        return c;
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }
}

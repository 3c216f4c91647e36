package dev.statamcp.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: the packaged jar serves HTTP with a token on the emulator, and
 * {@code node-tests/browser/dashboard.mjs} (playwright-core driving Debian's headless Chromium) starts a long job
 * through the REST API, then checks in the page that the progress bar advances, log lines appear, the cancel button
 * turns the job {@code cancelled} and the job's graph renders. The screenshot is kept as
 * {@code server/target/test-artifacts/dashboard.png}. Fails, never skips, when Node packages or Chromium are missing.
 */
class DashboardBrowserIT {
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theDashboardFollowsALongJobLiveAndCancelsIt(@TempDir Path dir) throws Exception {
        Path jar = ROOT.resolve("server/target/stata-mcp.jar");
        Path nodeTests = ROOT.resolve("node-tests");
        assertThat(jar).as("the packaged jar (mvn package)").exists();
        if (!Files.isRegularFile(nodeTests.resolve("node_modules/playwright-core/package.json"))) {
            throw new AssertionError("playwright-core is not installed in " + nodeTests.resolve("node_modules")
                    + ": run scripts/install-test-deps (npm ci in node-tests/), or scripts/test");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Chromium is not installed at " + CHROMIUM + ": run scripts/install-test-deps"
                    + " (it installs Debian's chromium), or apt-get install chromium");
        }
        Path artifacts = Files.createDirectories(ROOT.resolve("server/target/test-artifacts"));
        Path screenshot = artifacts.resolve("dashboard.png");
        Files.deleteIfExists(screenshot);
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        List<String> serve = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "serve", "--http", "--port", "0", "--token", token,
                "--data-dir", dir.resolve("data").toString(), "--workspace", workspace.toString());
        ProcessBuilder builder = new ProcessBuilder(serve).redirectErrorStream(true).directory(workspace.toFile());
        builder.environment().put("STATA_PATH", ROOT.resolve("fakestata/bin/stata-mp").toString());
        Process server = builder.start();
        Path serverLog = artifacts.resolve("dashboard-server.log");
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread drain = new Thread(() -> copyAndFindUrl(server, serverLog, url), "server-output");
        drain.setDaemon(true);
        drain.start();
        try {
            String mcp = url.get(60, TimeUnit.SECONDS);
            String base = mcp.substring(0, mcp.length() - "/mcp".length());
            Process node = new ProcessBuilder("node", "browser/dashboard.mjs", "--base", base, "--token", token,
                    "--out", screenshot.toString(), "--chromium", CHROMIUM.toString())
                    .directory(nodeTests.toFile())
                    .redirectOutput(dir.resolve("node.out").toFile())
                    .redirectError(dir.resolve("node.err").toFile())
                    .start();
            boolean ended = node.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
            }
            String out = Files.readString(dir.resolve("node.out"));
            String err = Files.readString(dir.resolve("node.err"));
            assertThat(ended).as("the browser test ended within 240 s\n" + err).isTrue();
            assertThat(node.exitValue()).as("browser test exit code\nstderr:\n" + err + "\nserver log: " + serverLog)
                    .isZero();

            String[] lines = out.strip().split("\n");
            JsonNode seen = Json.parse(lines[lines.length - 1]);
            List<Double> progress = new ArrayList<>();
            seen.get("progress").forEach(p -> progress.add(p.asDouble()));
            assertThat(progress).hasSize(2);
            assertThat(progress.get(1)).as("the progress bar advanced").isGreaterThan(progress.get(0));
            assertThat(seen.at("/logLines/1").asInt()).as("log lines kept coming")
                    .isGreaterThan(seen.at("/logLines/0").asInt());
            assertThat(seen.get("status").asText()).isEqualTo("cancelled");
            assertThat(seen.at("/graph/naturalWidth").asInt()).as("the graph rendered").isPositive();
            assertThat(screenshot).exists();
            byte[] png = Files.readAllBytes(screenshot);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as("a real page, not a blank image").isGreaterThan(20_000);
        } finally {
            server.destroy(); // SIGTERM to the server we started: it stops its Stata sessions on the way out
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void copyAndFindUrl(Process server, Path log, CompletableFuture<String> url) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8)); var w = Files.newBufferedWriter(log)) {
            for (String line; (line = in.readLine()) != null; ) {
                w.write(line);
                w.newLine();
                w.flush();
                int at = line.indexOf("serving MCP at ");
                if (at >= 0) {
                    url.complete(line.substring(at + "serving MCP at ".length()).split(" ")[0]);
                }
            }
        } catch (Exception e) {
            url.completeExceptionally(e);
        }
        url.completeExceptionally(new AssertionError("the server ended before announcing its URL; see " + log));
    }
}

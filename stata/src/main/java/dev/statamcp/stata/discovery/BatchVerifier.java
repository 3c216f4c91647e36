package dev.statamcp.stata.discovery;

import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.process.ProcessKiller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a candidate by running it in batch mode ({@code -b -q do check.do}; Windows {@code /e /q do check.do})
 * in a scratch folder and reading the log it writes there. Batch mode works on every platform, needs no console
 * and exits by itself. The do-file displays {@code c(stata_version)}, {@code c(edition)}, {@code c(MP)},
 * {@code c(SE)} and {@code c(emulator)}, each under {@code capture}: a value this Stata does not have
 * ({@code c(edition)} before 17, {@code c(emulator)} outside the emulator) shows a missing value or nothing.
 */
public final class BatchVerifier implements Verifier {

    private static final Pattern INFO = Pattern.compile("^__SMCP_INFO_check__ (\\w+)=(.*)$");
    private static final Pattern LICENCE = Pattern.compile("(?i)licen[cs]e|seats?\\b|not authorized|serial number");

    private final Path workRoot;
    private final Map<String, String> extraEnv;
    private final Duration timeout;
    private final ProcessGroupLauncher launcher;

    public BatchVerifier(Path workRoot, Map<String, String> extraEnv, Duration timeout,
                         ProcessGroupLauncher launcher) {
        this.workRoot = workRoot;
        this.extraEnv = Map.copyOf(extraEnv);
        this.timeout = timeout;
        this.launcher = launcher;
    }

    static String checkDoFile() {
        StringBuilder b = new StringBuilder();
        for (String[] kv : List.of(new String[] {"stata_version", "c(stata_version)"},
                new String[] {"edition", "c(edition)"}, new String[] {"mp", "c(MP)"}, new String[] {"se", "c(SE)"},
                new String[] {"emulator", "c(emulator)"})) {
            b.append("capture noisily display \"__SMCP_\" \"INFO_check__ ").append(kv[0]).append("=\" ")
                    .append(kv[1]).append('\n');
        }
        return b.toString();
    }

    @Override
    public Verification verify(Path binary, Platform platform) {
        Path dir;
        try {
            Files.createDirectories(workRoot);
            dir = Files.createTempDirectory(workRoot, "verify-");
            Files.writeString(dir.resolve("check.do"), checkDoFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Verification.Rejected(Verification.Reason.NOT_EXECUTABLE,
                    "could not prepare a check in " + workRoot + ": " + e.getMessage());
        }
        try {
            return run(binary, platform, dir);
        } finally {
            deleteQuietly(dir);
        }
    }

    private Verification run(Path binary, Platform platform, Path dir) {
        List<String> command = platform == Platform.WINDOWS
                ? List.of(binary.toString(), "/e", "/q", "do", "check.do")
                : List.of(binary.toString(), "-b", "-q", "do", "check.do");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(extraEnv);
        LaunchedProcess launched;
        try {
            launched = launcher.start(pb);
        } catch (IOException e) {
            return new Verification.Rejected(Verification.Reason.NOT_EXECUTABLE, "cannot be run: " + e.getMessage());
        }
        try {
            launched.process().getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
        boolean exited;
        try {
            exited = launched.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        // batch Stata may leave its engine behind: clear the group either way
        ProcessKiller.kill(launched, Duration.ofSeconds(1));
        if (!exited) {
            return new Verification.Rejected(Verification.Reason.TIMEOUT,
                    "did not finish a one-line do-file within " + timeout.toSeconds() + " s");
        }
        int exit = launched.process().exitValue();
        String stdout = read(dir.resolve("stdout.txt"));
        String stderr = read(dir.resolve("stderr.txt"));
        List<String> log;
        try {
            log = LogTailer.readAll(dir.resolve("check.log"));
        } catch (IOException e) {
            log = List.of();
        }
        Map<String, String> info = new HashMap<>();
        for (String line : log) {
            Matcher m = INFO.matcher(line.stripTrailing());
            if (m.matches()) {
                info.put(m.group(1), m.group(2).strip());
            }
        }
        String version = info.getOrDefault("stata_version", "");
        if (!version.isEmpty() && !version.equals(".")) {
            Edition edition = Edition.parse(info.getOrDefault("edition", ""));
            if (edition == Edition.UNKNOWN) {
                edition = "1".equals(info.get("mp")) ? Edition.MP : "1".equals(info.get("se")) ? Edition.SE
                        : Edition.fromBinaryName(binary.getFileName().toString());
            }
            return new Verification.Accepted(version, edition,
                    "fakestata".equalsIgnoreCase(info.getOrDefault("emulator", "")));
        }
        String said = (stderr.strip() + "\n" + stdout.strip() + "\n" + tail(log)).strip();
        if (LICENCE.matcher(said).find()) {
            return new Verification.Rejected(Verification.Reason.LICENSE, "licence problem: " + oneParagraph(said));
        }
        if (exit != 0) {
            return new Verification.Rejected(Verification.Reason.NOT_STATA, "exited with code " + exit
                    + (said.isEmpty() ? " and printed nothing" : ": " + oneParagraph(said)));
        }
        return new Verification.Rejected(Verification.Reason.NOT_STATA, "ran but did not report a Stata version"
                + (said.isEmpty() ? "" : ": " + oneParagraph(said)));
    }

    private static String tail(List<String> log) {
        return String.join("\n", log.subList(Math.max(0, log.size() - 8), log.size()));
    }

    private static String oneParagraph(String text) {
        String flat = text.replaceAll("\\s*\\n\\s*", " / ").strip();
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // scratch folder
                }
            });
        } catch (IOException ignored) {
            // scratch folder
        }
    }
}

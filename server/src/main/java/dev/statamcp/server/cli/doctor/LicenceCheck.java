package dev.statamcp.server.cli.doctor;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code display 1} in Stata's batch mode in a scratch folder, every time (discovery remembers a binary that
 * once worked, but a licence can expire or run out of seats since): the check passes when the log shows the
 * {@code 1}. Otherwise it reports what Stata said, on stderr, stdout or in its log.
 */
public final class LicenceCheck {
    static final String TITLE = "Licence";
    private static final Pattern LICENCE_WORDS = Pattern.compile("(?i)licen[cs]e|seats?\\b|not authorized|serial");

    private LicenceCheck() {
    }

    public static Check run(Path binary, Platform platform, Duration timeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("stata-mcp-doctor-");
            Files.writeString(dir.resolve("check.do"), "display 1\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Check.fail(TITLE, "could not prepare the check: " + e.getMessage(), List.of());
        }
        try {
            return run(binary, platform, dir, timeout);
        } finally {
            delete(dir);
        }
    }

    private static Check run(Path binary, Platform platform, Path dir, Duration timeout) {
        List<String> command = platform == Platform.WINDOWS
                ? List.of(binary.toString(), "/e", "/q", "do", "check.do")
                : List.of(binary.toString(), "-b", "-q", "do", "check.do");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(platform == Platform.WINDOWS ? "NUL"
                        : "/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        long start = System.nanoTime();
        LaunchedProcess launched;
        try {
            launched = ProcessGroupLauncher.forCurrentPlatform().start(pb);
        } catch (IOException e) {
            return Check.fail(TITLE, "could not start " + binary + ": " + e.getMessage(), List.of());
        }
        boolean exited;
        try {
            exited = launched.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        // Batch Stata can leave its engine process behind: clear the whole group either way.
        ProcessKiller.kill(launched, Duration.ofSeconds(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!exited) {
            return Check.fail(TITLE, "`display 1` did not finish within " + timeout.toSeconds() + " s in batch mode",
                    List.of("Stata may be waiting for a licence prompt or a network licence server."));
        }
        List<String> log;
        try {
            log = Files.exists(dir.resolve("check.log")) ? LogTailer.readAll(dir.resolve("check.log")) : List.of();
        } catch (IOException e) {
            log = List.of();
        }
        if (printedOne(log)) {
            return Check.ok(TITLE, String.format(java.util.Locale.ROOT,
                    "Stata ran `display 1` in batch mode and printed 1 (%.1f s)", seconds), List.of());
        }
        List<String> said = new ArrayList<>();
        said.addAll(nonBlank(read(dir.resolve("stderr.txt"))));
        said.addAll(nonBlank(read(dir.resolve("stdout.txt"))));
        said.addAll(log.subList(Math.max(0, log.size() - 8), log.size()).stream().filter(l -> !l.isBlank()).toList());
        String words = String.join(" ", said);
        int exit = launched.process().exitValue();
        String summary = LICENCE_WORDS.matcher(words).find()
                ? "licence problem: Stata did not run `display 1` (exit status " + exit + ")"
                : "Stata did not run `display 1` in batch mode (exit status " + exit
                        + (log.isEmpty() ? ", no log written" : "") + ")";
        List<String> details = new ArrayList<>();
        if (said.isEmpty()) {
            details.add("Stata printed nothing.");
        } else {
            details.add("Stata said:");
            said.stream().limit(12).forEach(l -> details.add("  " + l));
        }
        return Check.fail(TITLE, summary, details);
    }

    /** The log of {@code display 1}: the echoed command, then a line that is just {@code 1}. */
    static boolean printedOne(List<String> log) {
        boolean echoed = false;
        for (String line : log) {
            String l = line.strip();
            if (l.equals(". display 1")) {
                echoed = true;
            } else if (echoed && l.equals("1")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> nonBlank(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // scratch folder in the temp directory
                }
            });
        } catch (IOException ignored) {
            // scratch folder in the temp directory
        }
    }
}

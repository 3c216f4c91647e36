package dev.statamcp.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The facts a reader needs to weigh the figures: machine, runtimes, date, and how busy the machine was. */
public record MachineInfo(String cpuModel, int cores, String memory, String os, String java, String node,
                          String date, String loadAverage, String commit) {

    public static MachineInfo probe(Path root, String node) {
        return new MachineInfo(
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/meminfo"), "MemTotal").map(MachineInfo::gib).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                run(root, node, "--version"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                read(Path.of("/proc/loadavg")).map(s -> String.join(" ", List.of(s.trim().split(" ")).subList(0, 3)))
                        .orElse("unknown"),
                run(root, "git", "rev-parse", "--short", "HEAD"));
    }

    /** The 1, 5 and 15 minute load averages now. */
    public static String loadAverageNow() {
        return read(Path.of("/proc/loadavg")).map(s -> String.join(" ", List.of(s.trim().split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    private static String gib(String memTotal) {
        long kb = Long.parseLong(memTotal.replace("kB", "").trim());
        return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
    }

    private static Optional<String> firstValue(Path file, String key) {
        return read(file).flatMap(text -> text.lines()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String run(Path root, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the emulator (not a test: numbers depend on the machine). Run from the repository root after
 * `mvn -pl fakestata package`:   java fakestata/scripts/Bench.java [startup|roundtrip|flood|all]
 *
 * startup    time from spawning bin/stata-mp -q to its first prompt on stdout (median of 21 runs)
 * roundtrip  console `display 1` sent one at a time, each answer awaited: wall time per round trip, and the
 *            emulator's own CPU time per command over a burst of 20,000 typed-ahead commands
 * flood      a loop printing ~1 GB: batch mode to the log file, and console mode to a stdout pipe plus a named
 *            log; reports MB/s, the emulator's peak resident memory and the ratio to dd moving the same bytes in the
 *            same run (to a file; to a file and through a pipe at once for the console)
 */
public class Bench {
    static final Path LAUNCHER = Path.of("fakestata/bin/stata-mp").toAbsolutePath();

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("startup") || what.equals("all")) {
            startup();
        }
        if (what.equals("roundtrip") || what.equals("all")) {
            roundtrip();
        }
        if (what.equals("flood") || what.equals("all")) {
            flood(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000_000L);
        }
    }

    /**
     * Interleaves 21 emulator starts with 21 starts of a bare JVM (java -version, same flags) so that the load of a
     * shared machine weighs on both alike; also reports the emulator's CPU time at its first prompt.
     */
    static void startup() throws Exception {
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(LAUNCHER.toString(), "-q").redirectErrorStream(true).start();
            InputStream in = p.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (seen.indexOf(". ") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.append((char) b);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
            cpu.add((double) cpuMillis(p.pid()));
            p.getOutputStream().close();
            p.waitFor();
            long t1 = System.nanoTime();
            Process v = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-XX:-UsePerfData", "-version").redirectErrorStream(true).start();
            v.getInputStream().readAllBytes();
            v.waitFor();
            jvm.add((System.nanoTime() - t1) / 1e6);
        }
        System.out.printf("startup to first prompt: median %.0f ms, min %.0f ms, max %.0f ms (21 runs); "
                + "CPU at the prompt: median %.0f ms%n", median(ms), Collections.min(ms), Collections.max(ms),
                median(cpu));
        System.out.printf("bare JVM (java -version, same flags) in the same run: median %.0f ms, min %.0f ms%n",
                median(jvm), Collections.min(jvm));
    }

    static void roundtrip() throws Exception {
        Process p = new ProcessBuilder(LAUNCHER.toString(), "-q").redirectErrorStream(true).start();
        InputStream in = p.getInputStream();
        OutputStream out = p.getOutputStream();
        readUntil(in, "\n. ");
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long t0 = System.nanoTime();
            out.write(("display " + i + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            readUntil(in, "\n" + i + "\n\n. ");
            if (i >= 1000) {
                wall.add((System.nanoTime() - t0) / 1e6);
            }
        }
        long cpu0 = cpuMillis(p.pid());
        int burst = 20_000;
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < burst; i++) {
            many.append("display ").append(i).append('\n');
        }
        byte[] input = many.toString().getBytes(StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try {
                out.write(input);
                out.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        readUntil(in, "\n" + (burst - 1) + "\n\n. ");
        writer.join();
        long cpu1 = cpuMillis(p.pid());
        out.close();
        p.waitFor();
        System.out.printf("display round trip (wall, incl. pipes and this reader): median %.3f ms, p90 %.3f ms%n",
                median(wall), percentile(wall, 0.9));
        System.out.printf("emulator CPU per typed-ahead display command: %.4f ms (%d commands, %d ms CPU)%n",
                (cpu1 - cpu0) / (double) burst, burst, cpu1 - cpu0);
    }

    static void flood(long bytes) throws Exception {
        Path dir = Files.createTempDirectory("fakestata-bench");
        String line = "x".repeat(78);
        int perDisplay = (line.length() + 1) * 10;
        long n = bytes / perDisplay;
        // ten 79-character lines per command: _n joins them without wrapping
        StringBuilder d = new StringBuilder("display ");
        for (int k = 0; k < 10; k++) {
            d.append('"').append(line).append('"').append(k < 9 ? " _n " : "");
        }
        Files.writeString(dir.resolve("flood.do"), "forvalues i = 1/" + n + " {\n" + d + "\n}\n");
        // Rounds alternate the emulator and dd, so that the load of a shared machine and the page cache's write-back
        // weigh on both alike; medians of three.
        List<Double> batch = new ArrayList<>();
        List<Double> ddFile = new ArrayList<>();
        List<Double> console = new ArrayList<>();
        List<Double> ddBoth = new ArrayList<>();
        long size = 0;
        long peakBatch = 0;
        long peakConsole = 0;
        long piped = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(LAUNCHER.toString(), "-b", "-q", "do", "flood.do").directory(dir.toFile())
                    .start();
            peakBatch = Math.max(peakBatch, watchPeak(p));
            p.waitFor();
            batch.add((System.nanoTime() - t0) / 1e9);
            size = Files.size(dir.resolve("flood.log"));
            Files.delete(dir.resolve("flood.log"));
            long blocks = size / 65536;
            ddFile.add(shell(dir, "dd if=/dev/zero of=dd.out bs=64k count=" + blocks + " 2>/dev/null"));
            Files.delete(dir.resolve("dd.out"));

            t0 = System.nanoTime();
            Process c = new ProcessBuilder(LAUNCHER.toString(), "-q").directory(dir.toFile()).start();
            long[] stdoutBytes = {0};
            Thread drain = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (InputStream in = c.getInputStream()) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        stdoutBytes[0] += r;
                    }
                } catch (Exception e) {
                    // done
                }
            });
            drain.start();
            c.getOutputStream().write(("quietly log using run.log, text name(run)\ndo flood.do\n"
                    + "quietly log close run\n").getBytes());
            c.getOutputStream().close();
            peakConsole = Math.max(peakConsole, watchPeak(c));
            c.waitFor();
            drain.join();
            console.add((System.nanoTime() - t0) / 1e9);
            piped = stdoutBytes[0];
            Files.delete(dir.resolve("run.log"));
            ddBoth.add(shell(dir, "dd if=/dev/zero of=dd.out bs=64k count=" + blocks + " 2>/dev/null & "
                    + "dd if=/dev/zero bs=64k count=" + blocks + " 2>/dev/null | cat > /dev/null; wait"));
            Files.delete(dir.resolve("dd.out"));
        }
        System.out.printf("batch flood: %.0f MB log, median %.2f s = %.0f MB/s (runs %s), peak RSS %d MB%n",
                size / 1e6, median(batch), size / 1e6 / median(batch), batch, peakBatch / 1024);
        System.out.printf("  dd writing the same bytes to a file: median %.2f s = %.0f MB/s (runs %s); "
                + "the emulator takes %.2fx dd's time%n", median(ddFile), size / 1e6 / median(ddFile), ddFile,
                median(batch) / median(ddFile));
        System.out.printf("console flood: %.0f MB stdout pipe + %.0f MB named log, median %.2f s = %.0f MB/s each "
                + "(runs %s), peak RSS %d MB%n", piped / 1e6, size / 1e6, median(console),
                size / 1e6 / median(console), console, peakConsole / 1024);
        System.out.printf("  dd writing the same bytes to a file and through a pipe at once: median %.2f s (runs %s); "
                + "the emulator takes %.2fx dd's time%n", median(ddBoth), ddBoth, median(console) / median(ddBoth));
        Files.delete(dir.resolve("flood.do"));
        Files.delete(dir);
    }

    /** Seconds a shell command takes, run in {@code dir}. */
    static double shell(Path dir, String command) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long watchPeak(Process p) throws Exception {
        long peak = 0;
        Path status = Path.of("/proc/" + p.pid() + "/status");
        while (p.isAlive()) {
            try {
                for (String l : Files.readAllLines(status)) {
                    if (l.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(l.replaceAll("\\D", "")));
                    }
                }
            } catch (Exception e) {
                break;
            }
            Thread.sleep(100);
        }
        return peak;
    }

    static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static void readUntil(InputStream in, String marker) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[8192];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IllegalStateException("emulator ended before <" + marker + ">: " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (seen.indexOf(marker) >= 0) {
                return;
            }
            if (seen.length() > 1 << 20) {
                seen.delete(0, seen.length() - marker.length());
            }
        }
    }

    static double median(List<Double> v) {
        return percentile(v, 0.5);
    }

    static double percentile(List<Double> v, double q) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.floor(q * s.size())));
    }
}

package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunProgress;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a 5 x 200 ms loop delivers its lines at 5 distinct times, each within 100 ms of Stata writing it. When
 * Stata wrote a line is measured independently of the engine: a watcher thread in the test tails the same run log
 * every millisecond and notes when each line first appears.
 */
class StreamingIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void loopLinesArriveOneByOneWithin100msOfBeingWritten() throws Exception {
        Path engineDir = tmp.resolve("engine");
        SessionSettings settings = SessionSettings.defaults(tmp).withTempRoot(engineDir);
        try (StataSession session = new StataSession("stream", settings, Emulator.installation(),
                ProcessGroupLauncher.forCurrentPlatform())) {
            await(session.submit(RunRequest.of("display \"warm\""))); // start Stata first

            Map<String, Instant> written = new ConcurrentHashMap<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> watch(engineDir, written, watching));
            watcher.start();

            List<Instant> received = new CopyOnWriteArrayList<>();
            List<String> receivedText = new CopyOnWriteArrayList<>();
            List<RunProgress> progress = new CopyOnWriteArrayList<>();
            RunListener listener = new RunListener() {
                @Override
                public void line(OutputLine line) {
                    if (line.kind() == LineKind.OUTPUT && line.text().matches("tick \\d")) {
                        received.add(Instant.now());
                        receivedText.add(line.text());
                    }
                }

                @Override
                public void progress(RunProgress p) {
                    progress.add(p);
                }
            };
            String code = "display \"start\"\nforvalues i = 1/5 {\n    display \"tick `i'\"\n    sleep 200\n}\n"
                    + "display \"end\"\n";
            RunHandle handle = session.submit(RunRequest.of(code).withListener(listener));
            RunResult result = await(handle);
            watching.set(false);
            watcher.join();

            assertThat(result.succeeded()).as(result.text()).isTrue();
            assertThat(receivedText).containsExactly("tick 1", "tick 2", "tick 3", "tick 4", "tick 5");
            for (int i = 1; i < received.size(); i++) {
                assertThat(Duration.between(received.get(i - 1), received.get(i)))
                        .as("gap before tick %d", i + 1).isGreaterThan(Duration.ofMillis(100));
            }
            for (int i = 0; i < 5; i++) {
                Instant seen = written.get("tick " + (i + 1));
                assertThat(seen).as("watcher saw tick %d", i + 1).isNotNull();
                Duration delay = Duration.between(seen, received.get(i));
                System.out.printf("tick %d delivered %d ms after it was written%n", i + 1, delay.toMillis());
                assertThat(delay).as("delay of tick %d", i + 1).isLessThan(Duration.ofMillis(100));
            }
            assertThat(progress).extracting(RunProgress::commandsStarted).containsExactly(1, 2, 3);
            assertThat(progress).extracting(RunProgress::totalCommands).containsOnly(3);
            assertThat(handle.progress().currentLine()).isEqualTo(6);
        }
    }

    private static void watch(Path engineDir, Map<String, Instant> written, AtomicBoolean watching) {
        Map<Path, LogTailer> tailers = new ConcurrentHashMap<>();
        try {
            while (watching.get()) {
                try (DirectoryStream<Path> sessions = Files.newDirectoryStream(engineDir)) {
                    for (Path s : sessions) {
                        try (DirectoryStream<Path> logs = Files.newDirectoryStream(s, "run-*.log")) {
                            for (Path log : logs) {
                                tailers.computeIfAbsent(log, LogTailer::new);
                            }
                        }
                    }
                }
                for (LogTailer t : tailers.values()) {
                    for (String line : t.poll()) {
                        written.putIfAbsent(line, Instant.now());
                    }
                }
                Thread.sleep(1);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            new ArrayList<>(tailers.values()).forEach(t -> {
                try {
                    t.close();
                } catch (IOException ignored) {
                    // test cleanup
                }
            });
        }
    }
}

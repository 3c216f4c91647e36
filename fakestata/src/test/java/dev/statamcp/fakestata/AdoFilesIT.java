package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without set-up the emulator puts its ado folder in the user's cache, under a folder named by the build's
 * bundled files; emulators started together all find complete files there.
 */
class AdoFilesIT {

    @Test
    void emulatorsStartedTogetherShareOneCompleteCacheFolder(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        List<Path> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path job = Files.createDirectories(dir.resolve("job" + i));
            Files.writeString(job.resolve("find.do"),
                    "set linesize 255\nfindfile regress.sthlp\ndisplay \"found `r(fn)'\"\n");
            jobs.add(job);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Launcher.Result>> runs = new ArrayList<>();
            for (Path job : jobs) {
                runs.add(pool.submit(() -> Launcher.run(job, Map.of("XDG_CACHE_HOME", cache.toString()),
                        "-b", "-q", "do", "find.do")));
            }
            for (Future<Launcher.Result> r : runs) {
                assertThat(r.get().exit()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        Pattern found = Pattern.compile("\nfound (" + Pattern.quote(cache.toString())
                + "/fakestata/[0-9a-f]{12}/ado/base/r/regress\\.sthlp)\n");
        String first = null;
        for (Path job : jobs) {
            Matcher m = found.matcher(Files.readString(job.resolve("find.log")));
            assertThat(m.find()).as("log of %s", job).isTrue();
            first = first == null ? m.group(1) : first;
            assertThat(m.group(1)).isEqualTo(first);
        }
        try (InputStream in = getClass().getResourceAsStream("/dev/statamcp/fakestata/ado/base/r/regress.sthlp")) {
            assertThat(Files.readAllBytes(Path.of(first))).isEqualTo(in.readAllBytes());
        }
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}

package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Re-runs the do-files behind the real StataNow 19 batch logs in shared/stata/real-logs (recreated as test
 * resources from the logs' echo lines) and compares the emulator's log with the real one line by line. Only the
 * numbers of random draws may differ, so digits in the summarize rows are masked on both sides.
 */
class RealLogStructureIT {
    private static final String RESOURCES = "/dev/statamcp/fakestata/reallogs/";

    @ParameterizedTest
    @ValueSource(strings = {"success", "error"})
    void batchLogMatchesRealStataLineForLine(String scenario, @TempDir Path dir) throws Exception {
        copy(scenario + "/main.do", dir.resolve("main.do"));
        Path nested = dir.resolve("nested");
        Files.createDirectories(nested);
        String helper = scenario.equals("success") ? "helper.do" : "helper_with_error.do";
        copy(scenario + "/nested/" + helper, nested.resolve(helper));

        Launcher.Result r = Launcher.run(dir, Map.of(), "-b", "-q", "do", "main.do");

        assertThat(r.exit()).as("batch mode exits 0 even when the do-file fails").isZero();
        assertThat(r.stdout()).isEmpty();
        List<String> ours = Files.readAllLines(dir.resolve("main.log"), StandardCharsets.UTF_8);
        List<String> real = readResource(scenario + "/stata19.log");
        assertThat(masked(ours)).containsExactlyElementsOf(masked(real));
    }

    private static List<String> masked(List<String> lines) {
        return lines.stream()
                .map(l -> l.matches("^\\s+\\w+ \\|\\s+\\d.*") ? l.replaceAll("-?[\\d.]+", "#").replaceAll(" +", " ") : l)
                .toList();
    }

    private static List<String> readResource(String resource) throws IOException {
        try (InputStream in = RealLogStructureIT.class.getResourceAsStream(RESOURCES + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = RealLogStructureIT.class.getResourceAsStream(RESOURCES + resource)) {
            Files.copy(in, target);
        }
    }
}

package dev.statamcp.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.bench.report.MachineInfo;
import dev.statamcp.bench.stats.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved soak renders the same block after it has been read back. */
class SoakRecordTest {

    @Test
    void aRecordReadBackRendersTheSameBlock(@TempDir Path dir) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(new Sample(i * 10.0, 110_000 + i, 14_000 + (i % 3) * 500, 5, 36, 50, List.of(i * 7L, i * 6L)));
        }
        Map<String, Long> done = new LinkedHashMap<>();
        Map<String, Long> failed = new LinkedHashMap<>();
        for (JobKind k : JobKind.values()) {
            done.put(k.label(), 10L);
            failed.put(k.label(), k == JobKind.HELP ? 1L : 0L);
        }
        List<Failure> failures = List.of(new Failure(2, "help", "stata_help", "{\"topic\":\"list\"}",
                "expected the help of list", "isError true, text: busy | with a bar", 4.5));
        Verdict verdict = Verdict.judge(samples, 1, List.of(343L, 294L), List.of(), List.of());
        SoakOutcome outcome = new SoakOutcome(42, 2, 480, 481.5, 10, samples, done, failed,
                Map.of("stata_run", Summary.of(new long[] {1_000_000, 2_000_000})), failures, 1, 3,
                List.of(343L, 294L), List.of(), List.of(), verdict, dir.resolve("seed-42/server.stderr.log"));
        MachineInfo machine = new MachineInfo("a CPU", 2, "8.0 GiB", "Linux", "a JVM", "v22", "2026-01-01 00:00 UTC",
                "0.1 0.2 0.3", "abc1234");
        SoakRecord record = new SoakRecord(machine, "1.0 1.0 1.0", "2.0 2.0 2.0", outcome);

        Path file = record.save();
        SoakRecord back = SoakRecord.load(file);

        assertThat(file).isEqualTo(dir.resolve("seed-42/soak.json"));
        assertThat(back).isEqualTo(record);
        assertThat(back.render()).isEqualTo(record.render()).contains("**FAIL**", "expected the help of list");
    }
}

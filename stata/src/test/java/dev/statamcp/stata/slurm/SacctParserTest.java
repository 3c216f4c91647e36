package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing {@code sacct -X -n -P -o JobID,State,ExitCode,NodeList,ElapsedRaw,End} lines. */
class SacctParserTest {

    @Test
    void singleJobCancelledByAUser() {
        List<SlurmTaskRecord> r = SacctParser.records(
                "42|CANCELLED by 1000|0:15|node7|61|2024-05-01T10:20:30\n", "42", false);
        assertThat(r).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo("CANCELLED");
            assertThat(t.reason()).isEqualTo("by 1000");
            assertThat(t.node()).isEqualTo("node7");
            assertThat(t.elapsed()).isEqualTo(Duration.ofSeconds(61));
            assertThat(t.end()).isNotNull();
            assertThat(t.exitCode()).isEqualTo("0:15");
        });
    }

    @Test
    void arrayTasksAndPendingRangeAndOtherJobsIgnored() {
        String out = "42_0|COMPLETED|0:0|node1|30|2024-05-01T10:20:30\n"
                + "42_1|OUT_OF_MEMORY|0:125|node2|12|2024-05-01T10:20:31\n"
                + "42_[2-3%2]|PENDING|0:0|None assigned|0|Unknown\n"
                + "420_0|COMPLETED|0:0|node1|30|2024-05-01T10:20:30\n";
        List<SlurmTaskRecord> r = SacctParser.records(out, "42", true);
        assertThat(r).extracting(SlurmTaskRecord::task).containsExactly(0, 1, 2, 3);
        assertThat(r.get(1).state()).isEqualTo("OUT_OF_MEMORY");
        assertThat(r.get(2).node()).isNull();
        assertThat(r.get(3).end()).isNull();
    }

    @Test
    void arrayLinesDoNotCountForASingleJobAndViceVersa() {
        assertThat(SacctParser.records("42_0|COMPLETED|0:0|n|1|Unknown", "42", false)).isEmpty();
        assertThat(SacctParser.records("42|COMPLETED|0:0|n|1|Unknown", "42", true)).isEmpty();
    }
}

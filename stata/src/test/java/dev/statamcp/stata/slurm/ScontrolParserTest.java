package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing real {@code scontrol show job -o} output captured from the test cluster (Slurm 22.05). */
class ScontrolParserTest {

    @Test
    void pendingSingleJobHasStateAndReasonButNoNode() {
        List<SlurmTaskRecord> records = ScontrolParser.records(Fixtures.text("scontrol-single-pending.txt"), false);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.task()).isZero();
            assertThat(r.state()).isEqualTo("PENDING");
            assertThat(r.reason()).isEqualTo("Resources");
            assertThat(r.node()).isNull();
            assertThat(r.end()).as("EndTime of a pending job is an estimate or Unknown, never an end").isNull();
        });
    }

    @Test
    void runningSingleJobHasItsNode() {
        SlurmTaskRecord r = ScontrolParser.records(Fixtures.text("scontrol-single-running.txt"), false).get(0);
        assertThat(r.state()).isEqualTo("RUNNING");
        assertThat(r.reason()).isNull();
        assertThat(r.node()).isEqualTo("vm");
        assertThat(r.exitCode()).isEqualTo("0:0");
    }

    @Test
    void cancelledJobHasEndTime() {
        SlurmTaskRecord r = ScontrolParser.records(Fixtures.text("scontrol-single-cancelled.txt"), false).get(0);
        assertThat(r.state()).isEqualTo("CANCELLED");
        assertThat(r.end()).isNotNull();
    }

    @Test
    void arrayRecordsAreExpandedPerTaskIncludingThePendingRange() {
        List<SlurmTaskRecord> records = ScontrolParser.records(Fixtures.text("scontrol-array-running.txt"), true);
        assertThat(records).extracting(SlurmTaskRecord::task).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(records).filteredOn(r -> r.task() >= 2).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo("PENDING");
            assertThat(r.reason()).isEqualTo("JobArrayTaskLimit");
        });
        assertThat(records).filteredOn(r -> r.task() < 2).allSatisfy(r -> assertThat(r.state()).isEqualTo("RUNNING"));
    }

    @Test
    void finishedArrayKeepsEachTasksStateReasonAndExitCode() {
        List<SlurmTaskRecord> records = ScontrolParser.records(Fixtures.text("scontrol-array-done.txt"), true);
        SlurmTaskRecord failed = records.stream().filter(r -> r.task() == 3).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.reason()).isEqualTo("NonZeroExitCode");
        assertThat(failed.exitCode()).isEqualTo("3:0");
        assertThat(failed.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(records.stream().filter(r -> r.task() == 1).findFirst().orElseThrow().state())
                .isEqualTo("COMPLETED");
    }

    @Test
    void valuesWithSpacesStayWhole() {
        Map<String, String> f = ScontrolParser.fields("JobId=5 JobName=my job JobState=PENDING"
                + " Reason=launch failed requeued held Command=/home/a b/job.sbatch WorkDir=/x TRES=cpu=1,mem=1G");
        assertThat(f).containsEntry("JobName", "my job")
                .containsEntry("Reason", "launch failed requeued held")
                .containsEntry("Command", "/home/a b/job.sbatch")
                .containsEntry("TRES", "cpu=1,mem=1G");
    }

    @Test
    void taskIdExpressions() {
        assertThat(SlurmTimes.taskIds("2-4%2")).containsExactly(2, 3, 4);
        assertThat(SlurmTimes.taskIds("[0-2,7]")).containsExactly(0, 1, 2, 7);
        assertThat(SlurmTimes.taskIds("1-7:3")).containsExactly(1, 4, 7);
        assertThat(SlurmTimes.taskIds("5")).containsExactly(5);
    }

    @Test
    void durations() {
        assertThat(SlurmTimes.duration("00:01:05")).isEqualTo(Duration.ofSeconds(65));
        assertThat(SlurmTimes.duration("2-03:00:01")).isEqualTo(Duration.ofDays(2).plusHours(3).plusSeconds(1));
        assertThat(SlurmTimes.duration("12:34")).isEqualTo(Duration.ofMinutes(12).plusSeconds(34));
        assertThat(SlurmTimes.duration("INVALID")).isNull();
    }
}

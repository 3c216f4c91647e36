package dev.statamcp.stata.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code sacct -X -n -P -o JobID,State,ExitCode,NodeList,ElapsedRaw,End}: one {@code |}-separated line per
 * job or array task, e.g. {@code 42_3|CANCELLED by 1000|0:15|node7|61|2024-05-01T10:20:30}. Pending array
 * tasks come as one line such as {@code 42_[4-9%2]}.
 */
final class SacctParser {

    static final String FORMAT = "JobID,State,ExitCode,NodeList,ElapsedRaw,End";
    private static final Pattern JOB_ID = Pattern.compile("(\\d+)(?:_(\\d+|\\[[^\\]]*\\]))?");

    private SacctParser() {
    }

    static List<SlurmTaskRecord> records(String output, String slurmJobId, boolean sweep) {
        List<SlurmTaskRecord> records = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] f = line.split("\\|", -1);
            if (f.length < 6) {
                continue;
            }
            Matcher id = JOB_ID.matcher(f[0].trim());
            if (!id.matches() || !id.group(1).equals(slurmJobId) || sweep != (id.group(2) != null)) {
                continue;
            }
            // "CANCELLED by 1000": the state is the first word, the rest is Slurm's reason.
            String[] state = f[1].trim().split("\\s+", 2);
            Duration elapsed = f[4].trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(f[4].trim())) : null;
            List<Integer> tasks = sweep ? SlurmTimes.taskIds(id.group(2)) : List.of(0);
            for (int task : tasks) {
                // sacct lists a requeued job more than once at most with --duplicates; keep the last line per task.
                records.removeIf(r -> r.task() == task);
                records.add(new SlurmTaskRecord(task, state[0], state.length > 1 ? state[1] : null,
                        ScontrolParser.present(f[3].trim()), elapsed, SlurmTimes.instant(f[5]),
                        ScontrolParser.present(f[2].trim())));
            }
        }
        return records;
    }
}

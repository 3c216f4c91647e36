package dev.statamcp.stata.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code scontrol show job -o <id>}: one line per job record, {@code Key=Value} pairs separated by spaces.
 *
 * <p>Values can hold spaces ({@code Reason=launch failed requeued held}, paths in {@code Command=} or
 * {@code WorkDir=}), so a line is not split on every space: a new field starts only where a space is followed by
 * a capitalised key and {@code =} (keys look like {@code JobState}, {@code AllocNode:Sid}, {@code CPUs/Task}). The
 * fields this client reads (ids, state, reason, nodes, times, exit code) never contain such a sequence; a path
 * that does could only garble its own, unused, field.
 */
final class ScontrolParser {

    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Z][A-Za-z0-9_:/]*)=");

    private ScontrolParser() {
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = KEY.matcher(line);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                fields.put(key, line.substring(valueStart, m.start()).strip());
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            fields.put(key, line.substring(valueStart).strip());
        }
        return fields;
    }

    /** One record per task: array records with a task range (pending tasks) are expanded. */
    static List<SlurmTaskRecord> records(String output, boolean sweep) {
        List<SlurmTaskRecord> records = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> f = fields(line);
            String state = f.get("JobState");
            if (state == null) {
                continue;
            }
            String node = present(f.get("BatchHost")) != null ? f.get("BatchHost") : present(f.get("NodeList"));
            boolean ended = SlurmStates.isTerminal(state);
            List<Integer> tasks = !sweep ? List.of(0)
                    : present(f.get("ArrayTaskId")) == null ? List.of() : SlurmTimes.taskIds(f.get("ArrayTaskId"));
            for (int task : tasks) {
                records.add(new SlurmTaskRecord(task, state, present(f.get("Reason")), node,
                        SlurmTimes.duration(f.get("RunTime")), ended ? SlurmTimes.instant(f.get("EndTime")) : null,
                        present(f.get("ExitCode"))));
            }
        }
        return records;
    }

    /** Slurm writes absent values as {@code (null)}, {@code None}, {@code N/A} or nothing. */
    static String present(String value) {
        if (value == null || value.isBlank() || value.equals("(null)") || value.equals("None")
                || value.equals("N/A") || value.equals("Unknown") || value.equals("None assigned")) {
            return null;
        }
        return value;
    }
}

package dev.statamcp.stata.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a job asks Slurm for. Every field is optional (null = Slurm's or the site's default); a call's values
 * override the configured defaults with {@link #over(SlurmResources)}.
 *
 * @param partition  {@code --partition}
 * @param timeLimit  {@code --time}, in Slurm's syntax ({@code 90}, {@code 02:00:00}, {@code 1-12:00:00})
 * @param cpus       {@code --cpus-per-task}
 * @param memory     {@code --mem}, e.g. {@code 4G}
 * @param account    {@code --account}
 * @param extraFlags further sbatch options, each one token such as {@code --qos=short}
 */
public record SlurmResources(String partition, String timeLimit, Integer cpus, String memory, String account,
                             List<String> extraFlags) {

    public static final SlurmResources NONE = new SlurmResources(null, null, null, null, null, List.of());

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.,:+\\-=/@%]+");
    private static final Pattern TIME = Pattern.compile("\\d+(-\\d+)?(:\\d+){0,2}|UNLIMITED|INFINITE",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?", Pattern.CASE_INSENSITIVE);

    public SlurmResources {
        extraFlags = extraFlags == null ? List.of() : List.copyOf(extraFlags);
        // Values end up on #SBATCH lines: a space or newline would split or add options, so refuse them here
        // with a message instead of letting sbatch misread the script.
        check("partition", partition, WORD);
        check("time limit", timeLimit, TIME);
        check("memory", memory, MEMORY);
        check("account", account, WORD);
        if (cpus != null && cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1, got " + cpus);
        }
        for (String flag : extraFlags) {
            if (flag == null || !flag.startsWith("-") || flag.contains("\n") || flag.contains("\r")) {
                throw new IllegalArgumentException("extra sbatch flag must be one option starting with '-' on one"
                        + " line, e.g. --qos=short; got: " + flag);
            }
        }
    }

    /** These values where set, else {@code defaults}; extra flags are the defaults' followed by these. */
    public SlurmResources over(SlurmResources defaults) {
        List<String> flags = new ArrayList<>(defaults.extraFlags);
        flags.addAll(extraFlags);
        return new SlurmResources(
                partition != null ? partition : defaults.partition,
                timeLimit != null ? timeLimit : defaults.timeLimit,
                cpus != null ? cpus : defaults.cpus,
                memory != null ? memory : defaults.memory,
                account != null ? account : defaults.account,
                flags);
    }

    public SlurmResources withPartition(String value) {
        return new SlurmResources(value, timeLimit, cpus, memory, account, extraFlags);
    }

    public SlurmResources withTimeLimit(String value) {
        return new SlurmResources(partition, value, cpus, memory, account, extraFlags);
    }

    public SlurmResources withCpus(Integer value) {
        return new SlurmResources(partition, timeLimit, value, memory, account, extraFlags);
    }

    public SlurmResources withMemory(String value) {
        return new SlurmResources(partition, timeLimit, cpus, value, account, extraFlags);
    }

    public SlurmResources withAccount(String value) {
        return new SlurmResources(partition, timeLimit, cpus, memory, value, extraFlags);
    }

    public SlurmResources withExtraFlags(List<String> value) {
        return new SlurmResources(partition, timeLimit, cpus, memory, account, value);
    }

    private static void check(String what, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid Slurm " + what + ": '" + value + "'");
        }
    }
}

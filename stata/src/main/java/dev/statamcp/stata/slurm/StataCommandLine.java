package dev.statamcp.stata.slurm;

import dev.statamcp.stata.paths.BatchLogLocation;
import dev.statamcp.stata.paths.StataQuoting;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two languages a batch script speaks: bash (the script itself) and Stata (the {@code do file args} command
 * that the Stata binary assembles from its arguments, and the sweep wrapper do-files). Stata quoting is the
 * engine's ({@link StataQuoting}), so a cluster run sees paths and arguments exactly as a local batch run does.
 */
final class StataCommandLine {

    private StataCommandLine() {
    }

    /**
     * Refuses a run folder that cannot be written as an {@code #SBATCH} value: the value is double-quoted there,
     * and sbatch reads one option per line.
     */
    static void checkSbatchPath(Path path) {
        String s = path.toString();
        if (s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            throw new IllegalArgumentException("the Slurm run folder " + s + " contains a double quote or a line"
                    + " break, which an #SBATCH line cannot hold; set " + SlurmSettings.RUN_DIR + " to another"
                    + " folder");
        }
    }

    /** {@code "<doFile>" arg...} as Stata reads it after {@code do}; throws when Stata cannot express one. */
    static String doArguments(Path doFile, List<String> args) {
        return StataQuoting.quote(doFile) + args.stream().map(a -> " " + StataQuoting.argument(a))
                .collect(Collectors.joining());
    }

    /** The same, as bash words: each Stata token one word, which the binary joins back with spaces. */
    static String doArgumentsAsShellWords(Path doFile, List<String> args) {
        return shellQuote(StataQuoting.quote(doFile)) + args.stream()
                .map(a -> " " + shellQuote(StataQuoting.argument(a))).collect(Collectors.joining());
    }

    /** A bash word that stands for exactly {@code s}. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The name of the batch log Stata writes for {@code do <file>}: {@code <stem>.log}. */
    static String logName(Path doFile) {
        return BatchLogLocation.stem(doFile.getFileName().toString()) + ".log";
    }
}

package dev.statamcp.stata.paths;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where Stata's batch mode writes its log: {@code <working dir>/<stem>.log}, where the stem is the do-file's
 * name without {@code .do}, cut at the first space ({@code "foo bar.do"} writes {@code foo.log}). That cut comes
 * from Stata joining its arguments into one command line; when the engine passes the name in Stata quotes (it must,
 * for the file to be found at all), the whole stem may be used instead, so both names are candidates.
 */
public final class BatchLogLocation {

    private BatchLogLocation() {
    }

    /** The stem Stata derives from the do-file name. */
    public static String stem(String doFileName) {
        String name = doFileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".do")) {
            name = name.substring(0, name.length() - 3);
        }
        int space = name.indexOf(' ');
        if (space >= 0) {
            name = name.substring(0, space);
        }
        return name;
    }

    /** The stem without the cut at the first space. */
    public static String fullStem(String doFileName) {
        String name = doFileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".do") ? name.substring(0, name.length() - 3) : name;
    }

    /** Logs a batch run may write: the documented name first, then the uncut one when it differs. */
    public static List<Path> candidates(Path workingDir, Path doFile) {
        String name = doFile.getFileName().toString();
        Path cut = workingDir.resolve(stem(name) + ".log");
        Path full = workingDir.resolve(fullStem(name) + ".log");
        return cut.equals(full) ? List.of(cut) : List.of(cut, full);
    }

    /** The log a batch run of {@code doFile} started in {@code workingDir} writes. */
    public static Path logFile(Path workingDir, Path doFile) {
        return workingDir.resolve(stem(doFile.getFileName().toString()) + ".log");
    }
}

package dev.statamcp.stata.paths;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Stata's batch mode writes its log: {@code <working dir>/<stem>.log}, where the stem is the do-file's
 * name without {@code .do}, cut at the first space ({@code "foo bar.do"} writes {@code foo.log}).
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

    /** The log a batch run of {@code doFile} started in {@code workingDir} writes. */
    public static Path logFile(Path workingDir, Path doFile) {
        return workingDir.resolve(stem(doFile.getFileName().toString()) + ".log");
    }
}

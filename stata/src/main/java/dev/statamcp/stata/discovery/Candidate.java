package dev.statamcp.stata.discovery;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary that may be Stata, before it is checked.
 *
 * @param binary the executable
 * @param source where it was found
 * @param edition as its file name implies
 * @param versionHint the version its folder names suggest (e.g. 18 for /usr/local/stata18), 0 when unknown
 * @param stataNow its path mentions StataNow
 */
public record Candidate(Path binary, CandidateSource source, Edition edition, int versionHint, boolean stataNow) {

    private static final Pattern VERSION_IN_PATH = Pattern.compile("(?i)stata(?:now)?[ _-]?(\\d{2})(?!\\d)");

    public static Candidate of(Path binary, CandidateSource source) {
        String path = binary.toString();
        int version = 0;
        Matcher m = VERSION_IN_PATH.matcher(path);
        while (m.find()) {
            version = Integer.parseInt(m.group(1));
        }
        boolean now = path.toLowerCase(Locale.ROOT).contains("statanow");
        return new Candidate(binary, source, Edition.fromBinaryName(binary.getFileName().toString()), version, now);
    }

    /**
     * Explicit choices first (in source order); then newest version, editions MP > SE > BE > IC, and StataNow
     * before Stata when version and edition are equal (an edition is a bigger difference than the update
     * channel).
     */
    public static final Comparator<Candidate> PREFERENCE = Comparator
            .comparing((Candidate c) -> c.source().explicit() ? c.source().ordinal() : Integer.MAX_VALUE)
            .thenComparing(Comparator.comparingInt(Candidate::versionHint).reversed())
            .thenComparingInt(c -> c.edition().rank())
            .thenComparing(c -> !c.stataNow())
            .thenComparing(c -> c.binary().toString());
}

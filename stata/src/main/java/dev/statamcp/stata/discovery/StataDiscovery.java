package dev.statamcp.stata.discovery;

import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the Stata to use and explains the choice.
 *
 * <p>Order: {@code STATA_PATH} (a binary or a folder), then the configured path; when either is set it is the only
 * place looked at, so a mistyped path is reported rather than silently replaced by another Stata. Otherwise console
 * binaries on {@code PATH} and the platform's standard locations ({@code stata*} folders under
 * {@code /usr/local}, {@code /opt}, home; {@code /Applications}; {@code Program Files}), ranked newest version first,
 * then MP > SE > BE > IC, then StataNow before Stata. A candidate is accepted only after it ran a do-file printing
 * {@code c(stata_version)}; successes are cached by path, modification time and size.
 */
public final class StataDiscovery {

    /**
     * @param configuredPath the path from the configuration file, if any
     * @param cacheDir folder for the verification cache
     * @param checkAll verify every candidate instead of stopping at the first accepted (for a full doctor report)
     */
    public record Options(Optional<Path> configuredPath, Path cacheDir, boolean checkAll) {
    }

    private final DiscoveryEnvironment env;
    private final Verifier verifier;
    private final Options options;
    private final InstallLayout layout;
    private final DiscoveryCache cache;

    public StataDiscovery(DiscoveryEnvironment env, Verifier verifier, Options options) {
        this.env = env;
        this.verifier = verifier;
        this.options = options;
        this.layout = new InstallLayout(env.platform());
        this.cache = new DiscoveryCache(options.cacheDir());
    }

    /** Discovery of this machine, verifying with a batch run of each candidate. */
    public static StataDiscovery forThisMachine(Optional<Path> configuredPath, Path cacheDir) {
        DiscoveryEnvironment env = DiscoveryEnvironment.current();
        Verifier verifier = new BatchVerifier(cacheDir.resolve("verify"), Map.of(), Duration.ofSeconds(60),
                ProcessGroupLauncher.forCurrentPlatform());
        return new StataDiscovery(env, verifier, new Options(configuredPath, cacheDir, false));
    }

    public DiscoveryReport discover() {
        List<String> searched = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<CandidateReport> reports = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();

        Optional<String> stataPath = env.variable("STATA_PATH");
        stataPath.ifPresent(p -> {
            searched.add("STATA_PATH=" + p);
            explicit(Path.of(p), CandidateSource.STATA_PATH, candidates, reports);
        });
        options.configuredPath().ifPresent(p -> {
            searched.add("configured path " + p);
            explicit(p, CandidateSource.CONFIG, candidates, reports);
        });
        if (stataPath.isPresent() || options.configuredPath().isPresent()) {
            notes.add((stataPath.isPresent() ? "STATA_PATH" : "The configured path")
                    + " is set, so no other place was searched.");
        } else {
            searchPath(candidates, searched);
            for (Path root : env.roots()) {
                searched.add(root.toString());
                for (Path folder : layout.installFolders(root)) {
                    for (Path binary : layout.binariesIn(folder)) {
                        candidates.add(Candidate.of(binary, CandidateSource.STANDARD_LOCATION));
                    }
                }
            }
        }

        Optional<StataInstallation> chosen = Optional.empty();
        for (Candidate c : rank(candidates)) {
            if (chosen.isPresent() && !options.checkAll()) {
                reports.add(new CandidateReport(c.binary(), c.source(), CandidateReport.Status.NOT_CHECKED,
                        "not checked: a preferred installation was accepted", Optional.empty()));
                continue;
            }
            CandidateReport report = check(c);
            reports.add(report);
            if (chosen.isEmpty()) {
                chosen = report.installation();
            }
        }
        if (candidates.isEmpty() && reports.isEmpty()) {
            notes.add("No Stata binary (" + String.join(", ", layout.binaryNames()) + ") was found.");
        }
        return new DiscoveryReport(chosen, reports, searched, notes);
    }

    private void explicit(Path path, CandidateSource source, List<Candidate> candidates,
                          List<CandidateReport> reports) {
        if (!Files.exists(path)) {
            reports.add(new CandidateReport(path, source, CandidateReport.Status.REJECTED,
                    "does not exist; fix " + source.label() + " to point at Stata's folder or console binary",
                    Optional.empty()));
            return;
        }
        if (Files.isDirectory(path)) {
            List<Path> found = layout.binariesIn(path);
            if (found.isEmpty()) {
                reports.add(new CandidateReport(path, source, CandidateReport.Status.REJECTED,
                        "folder holds none of " + String.join(", ", layout.binaryNames()), Optional.empty()));
            }
            found.forEach(b -> candidates.add(Candidate.of(b, source)));
        } else {
            candidates.add(Candidate.of(layout.consoleFor(path), source));
        }
    }

    private void searchPath(List<Candidate> candidates, List<String> searched) {
        Optional<String> path = env.variable(env.platform() == Platform.WINDOWS ? "Path" : "PATH")
                .or(() -> env.variable("PATH"));
        if (path.isEmpty()) {
            return;
        }
        searched.add("PATH");
        String separator = env.platform() == Platform.WINDOWS ? ";" : ":";
        for (String dir : path.get().split(Pattern.quote(separator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : layout.binaryNames()) {
                Path p = Path.of(dir).resolve(name);
                if (Files.isRegularFile(p)) {
                    candidates.add(Candidate.of(p, CandidateSource.PATH));
                }
            }
        }
    }

    /**
     * Preferred first; the same file found twice under the same name (a PATH symlink into a standard folder) is
     * kept once. The name counts too: a binary may act on the name it is started under ({@code stata-se} linked to
     * {@code stata-mp}).
     */
    private static List<Candidate> rank(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Candidate.PREFERENCE);
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Candidate c : sorted) {
            unique.putIfAbsent(realPath(c.binary()) + "|" + c.binary().getFileName(), c);
        }
        return new ArrayList<>(unique.values());
    }

    private CandidateReport check(Candidate c) {
        Path binary = c.binary();
        if (!Files.isExecutable(binary)) {
            return rejected(c, "not executable; check its permissions (chmod +x)");
        }
        Optional<Verification.Accepted> cached = cache.lookup(binary);
        if (cached.isPresent()) {
            return accepted(c, cached.get(), "verified earlier (cached)");
        }
        Verification v = verifier.verify(binary, env.platform());
        if (v instanceof Verification.Accepted a) {
            cache.store(binary, a);
            return accepted(c, a, "verified");
        }
        Verification.Rejected r = (Verification.Rejected) v;
        return rejected(c, switch (r.reason()) {
            case LICENSE -> "Stata reports a licence problem: " + r.detail().replaceFirst("^licence problem: ", "");
            case TIMEOUT -> r.detail();
            case NOT_EXECUTABLE -> r.detail();
            case NOT_STATA -> "does not behave like Stata: " + r.detail();
        });
    }

    private CandidateReport accepted(Candidate c, Verification.Accepted a, String how) {
        StataInstallation installation = new StataInstallation(c.binary(), a.version(), a.edition(), a.emulator(),
                env.platform());
        String what = a.emulator() ? "the emulator fakestata (imitating Stata " + a.version() + " " + a.edition()
                + ")" : "Stata " + a.version() + " " + a.edition();
        return new CandidateReport(c.binary(), c.source(), CandidateReport.Status.ACCEPTED, how + ": " + what,
                Optional.of(installation));
    }

    private static CandidateReport rejected(Candidate c, String reason) {
        return new CandidateReport(c.binary(), c.source(), CandidateReport.Status.REJECTED, reason, Optional.empty());
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}

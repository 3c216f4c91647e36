package dev.statamcp.server.cli.doctor;

import dev.statamcp.server.app.StataEngine;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.stata.discovery.CandidateReport;
import dev.statamcp.stata.discovery.DiscoveryReport;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.process.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code stata-mcp doctor}: checks what stata-mcp needs, in the order a new user meets it (Java, settings, Stata,
 * its licence, the data directory, the HTTP port), and says what to do next. Node and a browser are not checked:
 * only the project's own tests use them.
 */
public final class Doctor {
    static final Duration LICENCE_TIMEOUT = Duration.ofSeconds(60);
    /** How discovery words a candidate that refused to start for its licence. */
    private static final java.util.regex.Pattern LICENCE_PROBLEM =
            java.util.regex.Pattern.compile("(?i)licen[cs]e problem");

    private final Settings settings;
    private final String settingsProblem;
    private final String version;
    private final String self;

    /**
     * @param settings        the effective settings (defaults when they could not be read)
     * @param settingsProblem why the settings could not be read, or null
     * @param version         this build's version
     * @param self            how to invoke stata-mcp in the printed next steps (the launcher's absolute path)
     */
    public Doctor(Settings settings, String settingsProblem, String version, String self) {
        this.settings = settings;
        this.settingsProblem = settingsProblem;
        this.version = version;
        this.self = self;
    }

    /** The findings, whether stata-mcp can run Stata, and what to do next. */
    public record Report(List<Check> checks, boolean ready, List<String> nextSteps) {
    }

    public Report run() {
        List<Check> checks = new ArrayList<>();
        List<String> next = new ArrayList<>();
        checks.add(java());
        checks.add(settingsCheck());
        Path dataDir = settings.path(Key.DATA_DIR);
        Check data = DataDirCheck.run(dataDir);
        Path engineDir = data.level() == Check.Level.FAIL ? scratch() : dataDir;
        StataEngine engine = new StataEngine(settings, engineDir);
        checks.addAll(stata(engine, next));
        checks.add(data);
        if (data.level() == Check.Level.FAIL) {
            next.add("Choose a writable data directory: --data-dir PATH, STATA_MCP_DATA_DIR, or data_dir in "
                    + configName() + ".");
        }
        checks.add(PortCheck.run(settings.string(Key.HOST), settings.integer(Key.PORT), dataDir));
        if (settingsProblem != null) {
            next.add(0, "Fix " + configName() + " (or the STATA_MCP_* variable named above): the server"
                    + " refuses to start with it.");
        }
        boolean ready = checks.stream().noneMatch(c -> c.level() == Check.Level.FAIL);
        if (ready) {
            next.add("Connect your assistant: `" + self + " config CLIENT` prints the set-up for CLIENT (claude-code,"
                    + " claude-desktop, cursor, vscode or codex); add --write to put it in the client's config file.");
            next.add("Or run a do-file here: `" + self + " run FILE.do`.");
        }
        return new Report(checks, ready, next);
    }

    private static Check java() {
        Runtime.Version v = Runtime.version();
        String what = "Java " + v + " (" + System.getProperty("java.vendor", "?") + ") at "
                + System.getProperty("java.home");
        return v.feature() >= 17 ? Check.ok("Java", what, List.of())
                : Check.fail("Java", what + ": stata-mcp needs Java 17 or newer", List.of());
    }

    private Check settingsCheck() {
        Path file = settings.configFile();
        String where = file == null ? "the checks below ignore the config file"
                : "config file " + file + (Files.isRegularFile(file) ? ""
                : " (not present: environment variables and defaults apply)");
        if (settingsProblem != null) {
            return Check.fail("Settings", settingsProblem, List.of(where));
        }
        return Check.ok("Settings", "stata-mcp " + version + ", " + where,
                List.of("data directory " + settings.path(Key.DATA_DIR) + " (" + origin(Key.DATA_DIR) + ")",
                        "`" + self + " serve --print-config` lists every setting and where it came from"));
    }

    private String configName() {
        return settings.configFile() != null ? settings.configFile().toString() : "the config file";
    }

    private String origin(Key k) {
        return switch (settings.source(k)) {
            case FLAG -> "from " + k.flag();
            case ENVIRONMENT -> "from " + k.env();
            case CONFIG_FILE -> "from the config file";
            case DEFAULT -> "the default";
        };
    }

    private List<Check> stata(StataEngine engine, List<String> next) {
        DiscoveryReport report = engine.discover();
        // The explanation without its first line, which says what the check's own summary says.
        List<String> explained = report.explain().lines().skip(1).filter(l -> !l.isBlank()).toList();
        List<Check> checks = new ArrayList<>();
        Optional<StataInstallation> chosen = report.chosen();
        if (chosen.isPresent()) {
            StataInstallation s = chosen.get();
            checks.add(s.emulator()
                    ? Check.warn("Stata", "found " + s.describe() + ": runs give the emulator's results, not Stata's",
                            explained)
                    : Check.ok("Stata", "Stata " + s.version() + " " + s.edition() + " at " + s.binary(), explained));
            Check licence = LicenceCheck.run(s.binary(), s.platform(), LICENCE_TIMEOUT);
            checks.add(licence);
            if (licence.level() == Check.Level.FAIL) {
                next.add(licenceAdvice(s.binary()));
            } else if (s.emulator()) {
                next.add("To use your Stata: set STATA_PATH to its folder or console binary (e.g. "
                        + "/usr/local/stata19/stata-mp), or stata_path in " + configName() + ".");
            }
            return checks;
        }
        Optional<CandidateReport> refused = report.candidates().stream()
                .filter(c -> c.status() == CandidateReport.Status.REJECTED)
                .filter(c -> LICENCE_PROBLEM.matcher(c.reason()).find()).findFirst();
        if (refused.isPresent()) {
            checks.add(Check.fail("Stata", "found " + refused.get().binary() + ", but it did not start: "
                    + refused.get().reason(), explained));
            checks.add(LicenceCheck.run(refused.get().binary(), Platform.current(), LICENCE_TIMEOUT));
            next.add(licenceAdvice(refused.get().binary()));
            return checks;
        }
        if (settings.bool(Key.EMULATOR)) {
            try {
                StataInstallation emulator = engine.installation();
                checks.add(Check.warn("Stata", "Stata not found; with the emulator setting on, runs use "
                        + emulator.describe() + ": their results are the emulator's, not Stata's", explained));
                checks.add(LicenceCheck.run(emulator.binary(), emulator.platform(), LICENCE_TIMEOUT));
                return checks;
            } catch (RuntimeException e) {
                // no emulator either: reported below like any missing Stata
            }
        }
        checks.add(Check.fail("Stata", "Stata not found", explained));
        next.add("Point stata-mcp at Stata: export STATA_PATH=/path/to/stata (its folder or console binary, e.g. "
                + "/usr/local/stata19/stata-mp; on Windows the folder holding StataMP-64.exe), or put stata_path = "
                + "\"...\" in " + configName() + "; then run `" + self + " doctor` again.");
        next.add("No Stata at hand? `" + self + " run FILE.do --emulator` tries stata-mcp on the bundled emulator"
                + " (its results are not Stata's).");
        return checks;
    }

    private static String licenceAdvice(Path binary) {
        return "Start Stata by hand (" + binary + ") to read its licence message: close other Stata sessions if"
                + " all seats are in use, or renew or re-enter the licence (Stata's `stinit`); then run doctor again.";
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("stata-mcp-doctor-data-");
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }
}

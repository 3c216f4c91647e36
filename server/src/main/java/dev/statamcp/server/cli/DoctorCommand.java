package dev.statamcp.server.cli;

import dev.statamcp.server.cli.clients.SelfLocation;
import dev.statamcp.server.cli.doctor.Doctor;
import dev.statamcp.server.cli.doctor.Printer;
import dev.statamcp.server.config.ConfigException;
import dev.statamcp.server.config.Settings;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.server.config.Key;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code stata-mcp doctor}: is everything in place to run Stata, and if not, what to do. Exit 0 when ready. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that stata-mcp can run Stata: finds Stata and says what it found or why not (places"
                + " searched, version, edition), runs `display 1` in batch mode to check the licence, checks the data"
                + " directory and its job store, the HTTP port and Java, and prints the next step.",
                "Exit status 0 when ready, 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The flags and the environment without the config file; defaults alone if those are broken too. */
    private Settings withoutConfigFile() {
        Map<Key, String> flags = new EnumMap<>(Key.class);
        ParseResult parsed = spec.commandLine().getParseResult();
        for (Key k : Key.values()) {
            if (parsed.hasMatchedOption(k.flag())) {
                flags.put(k, parsed.matchedOptionValue(k.flag(), ""));
            }
        }
        try {
            return Settings.load(flags, System.getenv(), null);
        } catch (ConfigException e) {
            return Settings.load(Map.of(), Map.of(), null);
        }
    }

    @Override
    public Integer call() {
        Settings settings;
        String problem = null;
        try {
            settings = CliSettings.load(spec);
        } catch (ConfigException e) {
            // Report the broken setting and carry on with the defaults, so the other checks still run.
            problem = e.getMessage();
            LogSetup.override("error", null);
            settings = withoutConfigFile();
        }
        SelfLocation self = SelfLocation.detect(Platform.current() == Platform.WINDOWS);
        String command = self.launcher().map(Object::toString)
                .orElse(self.java() + " -jar " + self.jar());
        Doctor.Report report = new Doctor(settings, problem, Main.version(), command).run();
        Printer.print(report, System.out);
        return report.ready() ? 0 : 1;
    }
}

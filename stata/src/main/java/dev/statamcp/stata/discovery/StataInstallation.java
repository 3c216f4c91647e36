package dev.statamcp.stata.discovery;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Stata the engine can run, as verified by discovery.
 *
 * @param binary the executable: the console binary on Linux/macOS ({@code stata-mp}), the GUI executable on Windows
 *        (batch mode only)
 * @param version {@code c(stata_version)} as Stata printed it (e.g. "19.5")
 * @param edition MP, SE, BE...
 * @param emulator true when the binary is the project's emulator {@code fakestata}, not Stata
 * @param platform the operating system it runs on
 */
public record StataInstallation(Path binary, String version, Edition edition, boolean emulator, Platform platform) {

    public StataInstallation {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(platform, "platform");
    }

    /** Console sessions need a console binary, which Windows does not have. */
    public boolean supportsConsole() {
        return platform.isUnix();
    }

    /** For people: "Stata 19.5 MP at /usr/local/stata19/stata-mp" or "the Stata emulator fakestata (...)". */
    public String describe() {
        String what = emulator ? "the Stata emulator fakestata (not Stata; it imitates Stata " + version + " "
                + edition + ")" : "Stata " + version + " " + edition;
        return what + " at " + binary;
    }
}

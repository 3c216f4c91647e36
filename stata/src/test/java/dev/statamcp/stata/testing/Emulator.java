package dev.statamcp.stata.testing;

import dev.statamcp.stata.discovery.Edition;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.process.Platform;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the emulator {@code fakestata} for integration tests: {@code <repo>/fakestata/bin/stata-mp}, the repository
 * root coming from the {@code project.root} system property (set by the parent pom) or found by walking up from
 * the working directory. {@code -Dfakestata.binary=...} points elsewhere. A missing build fails the test with the
 * command to run; it never skips.
 */
public final class Emulator {

    private Emulator() {
    }

    public static Path repoRoot() {
        String prop = System.getProperty("project.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "fakestata"))) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("fakestata")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (no fakestata/ above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static Path binary() {
        String override = System.getProperty("fakestata.binary");
        Path bin = override != null && !override.isBlank() ? Path.of(override)
                : repoRoot().resolve("fakestata/bin/stata-mp");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("The emulator " + bin + " is missing or not executable.");
        }
        Path jar = bin.getParent().getParent().resolve("target/fakestata.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The emulator is not built (" + jar + " missing): run "
                    + "`mvn -B -ntp -q -pl fakestata package -DskipTests` first.");
        }
        return bin;
    }

    /** The emulator as an installation, without running discovery. */
    public static StataInstallation installation() {
        return new StataInstallation(binary(), "18", Edition.MP, true, Platform.current());
    }
}

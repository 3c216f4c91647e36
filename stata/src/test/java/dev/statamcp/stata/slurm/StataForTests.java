package dev.statamcp.stata.slurm;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Stata binary the cluster tests run: the emulator, built by the reactor before this module. */
final class StataForTests {

    private StataForTests() {
    }

    static Path command(Path projectRoot) {
        Path jar = projectRoot.resolve("fakestata/target/fakestata.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the emulator first (mvn -B -ntp -pl stata -am"
                    + " install -DskipTests)");
        }
        return projectRoot.resolve("fakestata/bin/stata-mp");
    }
}

package dev.statamcp.stata.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The Stata binary the cluster tests run. */
final class StataForTests {

    private StataForTests() {
    }

    static Path command(Path projectRoot) throws IOException {
        Path bin = projectRoot.resolve("stata/target/slurm-it/shell-stata");
        Files.createDirectories(bin.getParent());
        try (var in = StataForTests.class.getResourceAsStream("shell-stata")) {
            Files.copy(in, bin, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}

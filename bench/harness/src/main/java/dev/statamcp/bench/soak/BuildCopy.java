package dev.statamcp.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A copy of the built launcher, server and emulator, which the soak's server runs from. A long run on a machine where
 * the project is being rebuilt would otherwise have the jars replaced under its running server and Stata sessions
 * (the emulator reads its data sets from its jar and exits mid-command when the jar changes). The class-data archives
 * are left out: they are bound to the jar's path, so the launchers start without them (a slower start, nothing else).
 */
final class BuildCopy {
    static final List<String> FILES = List.of("bin/stata-mcp", "server/target/stata-mcp.jar",
            "fakestata/bin/stata-mp", "fakestata/target/fakestata.jar");

    private BuildCopy() {
    }

    /** Copies the files (permissions kept) into {@code into}, laid out as in the repository; returns {@code into}. */
    static Path make(Path root, Path into) throws IOException {
        for (String file : FILES) {
            Path target = into.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return into;
    }
}

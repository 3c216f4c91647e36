package dev.statamcp.server.cli.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this stata-mcp lives, as absolute paths for client configs: the runnable jar, the {@code bin/stata-mcp}
 * launcher of the checkout (when the jar sits at {@code <checkout>/server/target/}), the class-data archive the
 * build recorded beside the jar, and the Java running now.
 */
public record SelfLocation(Path jar, Optional<Path> launcher, Optional<Path> cdsArchive, Path java) {

    static final String JAR = "stata-mcp.jar";

    public static SelfLocation detect(boolean windows) {
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        Path code = codeSource();
        Path jar = code;
        Optional<Path> root = Optional.empty();
        // From the jar (or, in a development build, the classes folder) up to the checkout holding bin/stata-mcp.
        for (Path dir = code; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("server/target/" + JAR)) && Files.isDirectory(dir.resolve("bin"))) {
                root = Optional.of(dir);
                break;
            }
        }
        if (!code.toString().endsWith(".jar") && root.isPresent()) {
            jar = root.get().resolve("server/target/" + JAR);
        }
        Path runs = jar;
        // The launcher starts <checkout>/server/target/stata-mcp.jar: only offer it when that is this jar.
        Optional<Path> launcher = root.filter(r -> runs.equals(r.resolve("server/target/" + JAR)))
                .map(r -> r.resolve("bin/stata-mcp")).filter(Files::isExecutable);
        Path archive = jar.resolveSibling("stata-mcp.jsa");
        return new SelfLocation(jar, launcher, Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty(),
                java);
    }

    private static Path codeSource() {
        try {
            return Path.of(SelfLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell where stata-mcp is installed: " + e.getMessage(), e);
        }
    }
}

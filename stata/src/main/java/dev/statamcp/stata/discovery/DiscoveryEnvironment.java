package dev.statamcp.stata.discovery;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery looks at: the platform, environment variables, the home folder and the standard roots to search.
 * The real environment comes from {@link #current()}; tests build fake trees with their own roots.
 *
 * @param platform whose layout applies
 * @param env environment variables ({@code STATA_PATH}, {@code PATH}, {@code ProgramFiles}...)
 * @param home the user's home folder
 * @param standardRoots folders whose {@code stata*} children are install roots (defaults per platform when empty)
 */
public record DiscoveryEnvironment(Platform platform, Map<String, String> env, Path home,
                                   Optional<List<Path>> standardRoots) {

    public DiscoveryEnvironment {
        env = Map.copyOf(env);
    }

    public static DiscoveryEnvironment current() {
        return new DiscoveryEnvironment(Platform.current(), System.getenv(),
                Path.of(System.getProperty("user.home", "/")), Optional.empty());
    }

    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Folders searched for {@code stata*} install roots. */
    public List<Path> roots() {
        if (standardRoots.isPresent()) {
            return standardRoots.get();
        }
        List<Path> roots = new ArrayList<>();
        switch (platform) {
            case MACOS -> {
                roots.add(Path.of("/Applications"));
                roots.add(home.resolve("Applications"));
            }
            case WINDOWS -> {
                for (String var : List.of("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)", "ProgramFiles(Arm)")) {
                    variable(var).map(Path::of).filter(p -> !roots.contains(p)).ifPresent(roots::add);
                }
                for (String fallback : List.of("C:\\Program Files", "C:\\Program Files (x86)")) {
                    Path p = Path.of(fallback);
                    if (!roots.contains(p)) {
                        roots.add(p);
                    }
                }
            }
            default -> {
                roots.add(Path.of("/usr/local"));
                roots.add(Path.of("/opt"));
                roots.add(home);
            }
        }
        return roots;
    }
}

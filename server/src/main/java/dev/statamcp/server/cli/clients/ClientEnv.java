package dev.statamcp.server.cli.clients;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where client config files are looked for: the home folder, the current folder, the environment and the platform.
 * The home folder is {@code $HOME} (on Windows {@code %USERPROFILE%}) when set, as in the shell people type in,
 * else Java's user.home.
 */
public record ClientEnv(Path home, Path cwd, Map<String, String> env, Platform platform) {
    public ClientEnv {
        env = Map.copyOf(env);
    }

    public static ClientEnv current() {
        Map<String, String> env = System.getenv();
        Platform platform = Platform.current();
        String home = platform == Platform.WINDOWS ? env.get("USERPROFILE") : env.get("HOME");
        Path homeDir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return new ClientEnv(homeDir.toAbsolutePath(), Path.of("").toAbsolutePath(), env, platform);
    }

    String variable(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}

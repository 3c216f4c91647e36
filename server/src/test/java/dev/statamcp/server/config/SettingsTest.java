package dev.statamcp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "# my settings\nmax_sessions = 2\nport = 5000\nallow_shell = true\n"
                + "workspace = \"/a, /b\"\n");
        Settings s = Settings.load(Map.of(Key.MAX_SESSIONS, "8"),
                Map.of("STATA_MCP_PORT", "6000", "STATA_PATH", "/opt/stata/stata-mp"), file);

        assertThat(s.integer(Key.MAX_SESSIONS)).isEqualTo(8);
        assertThat(s.source(Key.MAX_SESSIONS)).isEqualTo(Source.FLAG);
        assertThat(s.integer(Key.PORT)).isEqualTo(6000);
        assertThat(s.source(Key.PORT)).isEqualTo(Source.ENVIRONMENT);
        assertThat(s.bool(Key.ALLOW_SHELL)).isTrue();
        assertThat(s.source(Key.ALLOW_SHELL)).isEqualTo(Source.CONFIG_FILE);
        assertThat(s.list(Key.WORKSPACE)).containsExactly("/a", "/b");
        assertThat(s.path(Key.STATA_PATH)).isEqualTo(Path.of("/opt/stata/stata-mp"));
        assertThat(s.integer(Key.LINESIZE)).isEqualTo(200);
        assertThat(s.source(Key.LINESIZE)).isEqualTo(Source.DEFAULT);
        assertThat(s.secondsOrNone(Key.MAX_CALL_SECONDS)).isNull();
        assertThat(s.secondsOrNone(Key.DRAIN_SECONDS)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void printedConfigNamesEachValuesOriginAndMasksTheToken() {
        Settings s = Settings.load(Map.of(Key.TOKEN, "secret-value"), Map.of(), dir.resolve("none.toml"));
        String printed = s.describe();
        assertThat(printed).contains("max_sessions", "\"4\"", "# default; --max-sessions, STATA_MCP_MAX_SESSIONS");
        assertThat(printed).contains("token").contains("****").doesNotContain("secret-value");
    }

    @Test
    void badValuesAreRefusedWithWhereTheyCameFromAndWhatIsAccepted() throws Exception {
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("STATA_MCP_LINESIZE", "20"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("linesize is 20 (from the environment variable STATA_MCP_LINESIZE); it must be between"
                        + " 40 and 255");
        assertThatThrownBy(() -> Settings.load(Map.of(Key.PORT, "http"), Map.of(), null))
                .hasMessageContaining("the flag --port").hasMessageContaining("whole number");
        assertThatThrownBy(() -> Settings.load(Map.of(Key.EXECUTOR, "kubernetes"), Map.of(), null))
                .hasMessageContaining("use one of local, slurm");

        Path file = dir.resolve("bad.toml");
        Files.writeString(file, "max_sesions = 3\n");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of(), file))
                .hasMessageContaining("unknown setting 'max_sesions'").hasMessageContaining("max_sessions");
        Files.writeString(file, "max_sessions = = 3\n");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of(), file)).hasMessageContaining("not valid TOML");
    }

    @Test
    void theConfigFileIsFoundByFlagEnvironmentOrHome() {
        assertThat(Settings.configFile("/x/c.toml", Map.of("STATA_MCP_CONFIG", "/y/c.toml")))
                .isEqualTo(Path.of("/x/c.toml"));
        assertThat(Settings.configFile(null, Map.of("STATA_MCP_CONFIG", "/y/c.toml"))).isEqualTo(Path.of("/y/c.toml"));
        assertThat(Settings.configFile(null, Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".stata-mcp", "config.toml"));
    }
}

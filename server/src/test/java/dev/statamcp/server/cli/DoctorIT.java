package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stata-mcp doctor} with no Stata, with the emulator, and with a Stata whose licence refuses to start. */
class DoctorIT {
    @TempDir
    Path dir;

    private Map<String, String> env(boolean withPath) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("STATA_MCP_CONFIG", dir.resolve("no-config.toml").toString());
        env.put("PATH", withPath ? System.getenv("PATH") : "");
        return env;
    }

    private CliProcess.Result doctor(Map<String, String> env, String dataDir) throws Exception {
        // java itself, not the bash launcher: with an empty PATH, `env bash` could not start the launcher.
        return CliProcess.run(List.of(CliProcess.JAVA.toString(), "-Duser.home=" + dir, "-jar",
                CliProcess.JAR.toString(), "doctor", "--data-dir", dir.resolve(dataDir).toString(), "--port", "0"),
                env, dir);
    }

    @Test
    void withoutStataItSaysWhereItLookedAndWhatToDo() throws Exception {
        CliProcess.Result r = doctor(env(false), "data");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("[FAIL] Stata: Stata not found", "Searched: /usr/local; /opt; " + dir, "No Stata binary",
                "[ok]   Java: Java 17", "[ok]   Data directory:", "schema version 1", "Not ready",
                "export STATA_PATH=", "--emulator").doesNotContain("Licence:", "\tat ");
    }

    @Test
    void withTheEmulatorItIsReadyAndSaysItIsNotStata() throws Exception {
        Map<String, String> env = env(true);
        env.put("STATA_PATH", CliProcess.FAKESTATA.toString());
        CliProcess.Result r = doctor(env, "data");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("[warn] Stata: found the Stata emulator fakestata", "imitates Stata",
                "STATA_PATH=" + CliProcess.FAKESTATA,
                "[ok]   Licence: Stata ran `display 1` in batch mode and printed 1",
                "[ok]   Data directory: " + dir.resolve("data") + " is writable and its job store opens",
                "schema version 1", "[ok]   HTTP port:", "Ready: stata-mcp can run Stata.",
                CliProcess.LAUNCHER + " config CLIENT").doesNotContain("[FAIL]");
    }

    @Test
    void aLicenceFailureIsReportedInStatasWords() throws Exception {
        Map<String, String> env = env(true);
        env.put("STATA_PATH", CliProcess.FAKESTATA.toString());
        env.put("FAKESTATA_LICENSE_FAIL", "1");
        CliProcess.Result r = doctor(env, "fresh");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("[FAIL] Stata: found " + CliProcess.FAKESTATA + ", but it did not start",
                "[FAIL] Licence: licence problem: Stata did not run `display 1`", "Stata said:",
                "all licensed Stata sessions are in use", "Not ready", "Start Stata by hand");
    }

    @Test
    void theLicenceIsCheckedEvenWhenDiscoveryRemembersAWorkingStata() throws Exception {
        Map<String, String> env = env(true);
        env.put("STATA_PATH", CliProcess.FAKESTATA.toString());
        assertThat(doctor(env, "cached").exit()).isZero(); // discovery caches the verified binary
        env.put("FAKESTATA_LICENSE_FAIL", "1");
        CliProcess.Result r = doctor(env, "cached");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("verified earlier (cached)",
                "[FAIL] Licence: licence problem: Stata did not run `display 1`", "no seat is free");
    }

    @Test
    void anUnwritableDataDirectoryIsAFailure() throws Exception {
        Map<String, String> env = env(true);
        env.put("STATA_PATH", CliProcess.FAKESTATA.toString());
        java.nio.file.Files.writeString(dir.resolve("file"), "not a folder");
        CliProcess.Result r = doctor(env, "file/data");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("[FAIL] Data directory:", "--data-dir PATH").contains("[ok]   Licence:");
    }
}

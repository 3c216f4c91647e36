package dev.statamcp.fakestata.env;

import java.util.Map;

/**
 * The environment variables that steer the emulator: the imitated Stata version and the switches failure tests use.
 *
 * @param version FAKESTATA_VERSION, 16 to 19 (default 18): picks version-dependent wording
 * @param licenseFail FAKESTATA_LICENSE_FAIL: refuse to start like a Stata without a free licence seat
 * @param spawnOrphan FAKESTATA_SPAWN_ORPHAN: leave a child process in the process group, as Stata leaves an engine
 * @param pngFail FAKESTATA_PNG_FAIL: PNG export fails with r(5100)
 * @param crashAfter FAKESTATA_CRASH_AFTER: die abruptly after this many commands (0 = never)
 * @param startupDelayMs FAKESTATA_STARTUP_DELAY_MS: wait this long before anything else
 * @param tmpDir STATATMP (then TMPDIR): where temporary files go
 * @param sysDir FAKESTATA_SYSDIR: the emulated installation folder (c(sysdir_stata)), null for the default cache
 * @param ignoreBreak FAKESTATA_IGNORE_BREAK: SIGINT is received but has no effect, as when Stata is inside a routine
 *     that does not poll for Break; only a kill ends the running command
 * @param breakDropsInput FAKESTATA_BREAK_DROPS_INPUT: a Break also discards the console input read ahead and
 *     waiting in the pipe, as a console that loses typed-ahead characters after ^C would
 */
public record Switches(int version, boolean licenseFail, boolean spawnOrphan, boolean pngFail, long crashAfter,
                       long startupDelayMs, String tmpDir, String sysDir, boolean ignoreBreak,
                       boolean breakDropsInput) {

    public static Switches from(Map<String, String> env) {
        int version = 18;
        String v = env.get("FAKESTATA_VERSION");
        if (v != null && !v.isBlank()) {
            try {
                version = (int) Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                version = 18;
            }
            version = Math.max(16, Math.min(19, version));
        }
        String tmp = firstNonBlank(env.get("STATATMP"), env.get("TMPDIR"), System.getProperty("java.io.tmpdir"));
        return new Switches(version, isOn(env.get("FAKESTATA_LICENSE_FAIL")), isOn(env.get("FAKESTATA_SPAWN_ORPHAN")),
                isOn(env.get("FAKESTATA_PNG_FAIL")), number(env.get("FAKESTATA_CRASH_AFTER")),
                number(env.get("FAKESTATA_STARTUP_DELAY_MS")), tmp, firstNonBlankOrNull(env.get("FAKESTATA_SYSDIR")),
                isOn(env.get("FAKESTATA_IGNORE_BREAK")), isOn(env.get("FAKESTATA_BREAK_DROPS_INPUT")));
    }

    private static boolean isOn(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return !(v.isEmpty() || v.equals("0") || v.equals("false") || v.equals("no") || v.equals("off"));
    }

    private static long number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstNonBlankOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String s : values) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "/tmp";
    }
}

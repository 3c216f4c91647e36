package dev.statamcp.fakestata.cli;

/** The text {@code -h} prints, shaped like the console binary's usage block. */
public final class Usage {
    private Usage() {
    }

    public static String text(String binary) {
        return """
                usage:  %1$s [-h -q -s -b] ["stata command"]
                  where:
                     -h           show this display
                     -q           suppress logo, initialization messages
                     -s           "batch" mode creating .smcl log
                     -b           "batch" mode creating .log file
                     -e           "batch" mode creating .log file, no prompt at the end
                     -rngstream#  ignored
                     /e /b /s /q /i  Windows forms of the switches, also accepted

                  %1$s here is fakestata, a Stata emulator for tests; it is not Stata.
                  Environment: FAKESTATA_VERSION (16-19), FAKESTATA_LICENSE_FAIL, FAKESTATA_SPAWN_ORPHAN,
                  FAKESTATA_PNG_FAIL, FAKESTATA_CRASH_AFTER, FAKESTATA_STARTUP_DELAY_MS, STATATMP.
                """.formatted(binary);
    }
}

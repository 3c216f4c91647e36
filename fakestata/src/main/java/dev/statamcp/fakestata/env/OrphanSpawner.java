package dev.statamcp.fakestata.env;

import java.io.File;
import java.io.IOException;

/**
 * Imitates the engine process real Stata leaves behind: a child in the emulator's process group that outlives it.
 * It holds none of the emulator's pipes (stdin from /dev/null, output discarded), so a reader of the emulator's
 * stdout still sees end-of-file when the emulator exits; only killing the process group removes it.
 */
public final class OrphanSpawner {
    /** Long enough to be noticed by a test, short enough not to linger for ever when nobody kills it. */
    private static final String LIFETIME_SECONDS = "600";

    private OrphanSpawner() {
    }

    public static void spawn() {
        try {
            new ProcessBuilder("sleep", LIFETIME_SECONDS)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            System.err.println("fakestata: could not start the orphan child process: " + e.getMessage());
        }
    }
}

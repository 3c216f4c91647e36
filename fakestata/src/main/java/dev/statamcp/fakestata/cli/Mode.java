package dev.statamcp.fakestata.cli;

/** How the emulator runs: a prompt loop on stdin, or a batch job that writes a log into the working directory. */
public enum Mode {
    CONSOLE,
    BATCH
}

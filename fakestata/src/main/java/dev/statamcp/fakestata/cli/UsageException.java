package dev.statamcp.fakestata.cli;

/** A command line the emulator does not understand; the message names the offending argument. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}

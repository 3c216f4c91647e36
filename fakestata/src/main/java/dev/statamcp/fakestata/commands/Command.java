package dev.statamcp.fakestata.commands;

/** A Stata command the emulator implements. Failures are thrown as {@code StataError}. */
@FunctionalInterface
public interface Command {
    void run(Call call);
}

package dev.statamcp.server.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C as a request rather than an exit: the JVM's default reaction to SIGINT is to shut down at once, which
 * would leave the job running with nobody following it. {@code sun.misc.Signal} (module jdk.unsupported, present in
 * every JDK) is the only way to take the signal over in plain Java; no library does this better.
 */
final class CtrlC {
    private CtrlC() {
    }

    /**
     * Calls {@code action} on each Ctrl-C until the returned handle is run, which restores the previous handling.
     * Returns null when the signal cannot be taken over (it was ignored when the JVM started, e.g. a background
     * job of a non-interactive shell); Ctrl-C then keeps its default meaning.
     */
    static Runnable onInterrupt(Runnable action) {
        try {
            Signal interrupt = new Signal("INT");
            SignalHandler previous = Signal.handle(interrupt, signal -> action.run());
            return () -> Signal.handle(interrupt, previous);
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return null;
        }
    }
}

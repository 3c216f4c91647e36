package dev.statamcp.fakestata.env;

import dev.statamcp.fakestata.session.BreakFlag;
import sun.misc.Signal;

/**
 * SIGINT is Stata's Break: it raises the break flag instead of ending the process. {@code sun.misc.Signal} is the
 * only way a JDK-only program can catch it; it lives in the supported jdk.unsupported module.
 */
public final class Signals {
    private Signals() {
    }

    /**
     * @param ignore FAKESTATA_IGNORE_BREAK: SIGINT is caught (so it does not end the process) and does nothing
     */
    public static void breakOnInterrupt(BreakFlag flag, boolean ignore) {
        try {
            sun.misc.SignalHandler old = Signal.handle(new Signal("INT"), new sun.misc.SignalHandler() {
                @Override
                public void handle(Signal sig) {
                    if (!ignore) {
                        flag.raise();
                    }
                }
            });
            if (old == sun.misc.SignalHandler.SIG_IGN) {
                // The JVM keeps an inherited "ignore" for SIGINT; the launcher script undoes it, a direct java call
                // from a background shell does not.
                System.err.println("fakestata: SIGINT is ignored in this process, so Break will not work; "
                        + "start it through fakestata/bin/stata-mp");
            }
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform (or the JVM reserved it): Break is then unavailable
        }
    }
}

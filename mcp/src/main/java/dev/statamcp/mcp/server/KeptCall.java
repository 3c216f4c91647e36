package dev.statamcp.mcp.server;

import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Where a transport starts the calls of one received message: the first call is kept for the receiving thread to run
 * itself once it has dealt with the message, instead of being handed to a parked worker thread. Waking a thread costs
 * tens of microseconds on a busy machine, more than a quick call takes, and the answer would wait for it. The
 * transport must make sure its receiving goes on meanwhile (stdio passes reading on to another thread when a call
 * takes long; an HTTP request thread has nothing else to do). Further calls of the same message (a batch) go to the
 * server's executor at once, so that they still run side by side.
 *
 * <p>Made by {@link McpServer#keptCall()}; used by one thread at a time: the one that received the message.
 */
public final class KeptCall implements Executor {
    private final ExecutorService others;
    private final Set<Thread> inlineThreads;
    private Runnable kept;

    KeptCall(ExecutorService others, Set<Thread> inlineThreads) {
        this.others = others;
        this.inlineThreads = inlineThreads;
    }

    @Override
    public void execute(Runnable call) {
        // Once the server is shut down, the executor refuses the call, and the client hears so, as before.
        if (kept == null && !others.isShutdown()) {
            kept = call;
        } else {
            others.execute(call);
        }
    }

    /**
     * The kept call, which the caller must now run on a thread of the server's executor (so that
     * {@link McpServer#shutdownNow()} reaches it); null if the message started none. Forgets it.
     */
    public Runnable take() {
        Runnable call = kept;
        kept = null;
        return call;
    }

    /**
     * Runs the kept call, if any, on the current thread, which need not belong to the server's executor:
     * {@link McpServer#shutdownNow()} interrupts it while the call runs, as it does the executor's threads.
     */
    public void runHere() {
        Runnable call = take();
        if (call == null) {
            return;
        }
        Thread thread = Thread.currentThread();
        inlineThreads.add(thread);
        try {
            call.run();
        } finally {
            inlineThreads.remove(thread);
            Thread.interrupted(); // the thread goes back to its owner (e.g. Jetty) without the call's interrupt
        }
    }
}

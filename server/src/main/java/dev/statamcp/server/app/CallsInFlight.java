package dev.statamcp.server.app;

import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts tool calls still being answered. At end of input the server lets running jobs finish, but a call that
 * waited for one still has to read its stored result and write the answer: the job store may only close once
 * those calls are done, or the answer the drain exists for would become "database connection closed".
 */
final class CallsInFlight {
    private int running;

    /** The same tool, with its handler counted while it runs. */
    Tool track(Tool tool) {
        ToolHandler inner = tool.handler();
        ToolHandler counted = (arguments, context) -> {
            enter();
            try {
                return inner.call(arguments, context);
            } finally {
                leave();
            }
        };
        return new Tool(tool.name(), tool.title(), tool.description(), tool.inputSchema(), tool.outputSchema(),
                tool.annotations(), tool.taskSupport(), tool.meta(), counted);
    }

    private synchronized void enter() {
        running++;
    }

    private synchronized void leave() {
        running--;
        notifyAll();
    }

    /** Waits until no call is running or {@code max} has passed; returns how many are still running. */
    synchronized int awaitNone(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return running;
    }
}

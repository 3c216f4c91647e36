package dev.statamcp.bench.soak;

import java.util.List;

/**
 * The server as measured at one moment of a soak.
 *
 * @param seconds      since the clients started
 * @param rssKb        the server's resident set (VmRSS), KiB, -1 if unknown
 * @param heapKb       Java heap in use right after a forced full GC (jcmd), KiB, -1 if jcmd failed
 * @param processes    live processes below the server: its descendants and everything in their process groups
 *                     (the Stata sessions and what they started)
 * @param fds          the server's open file descriptors, -1 if unknown
 * @param threads      the server's threads, -1 if unknown
 * @param jobsByClient jobs each client has done so far, with every answer as expected
 */
public record Sample(double seconds, long rssKb, long heapKb, int processes, int fds, int threads,
                     List<Long> jobsByClient) {
    public Sample {
        jobsByClient = List.copyOf(jobsByClient);
    }

    double rssMib() {
        return rssKb / 1024.0;
    }

    double heapMib() {
        return heapKb / 1024.0;
    }
}

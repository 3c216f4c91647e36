package dev.statamcp.stata.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's stdout or stderr to the end on a daemon thread, so the child never blocks on a full pipe, and
 * keeps the last bytes for diagnostics (a licence error on stderr, a crash message). Stata's console output is
 * not read from here: it is block-buffered when piped, so the engine reads its own log files instead.
 */
public final class StreamDrainer {

    private final byte[] ring;
    private long total;
    private final Thread thread;

    public StreamDrainer(InputStream in, String threadName, int keepBytes) {
        this.ring = new byte[keepBytes];
        this.thread = new Thread(() -> drain(in), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        // A pipe holds 64 KB: reading as much at a time keeps a console that prints a flood from waiting on us.
        byte[] buf = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                keep(buf, n);
            }
        } catch (IOException ignored) {
            // the process went away; what we have is all there is
        }
    }

    /** Appends the last bytes of what was read to the ring, in at most two copies (a gigabyte passes through here). */
    private synchronized void keep(byte[] buf, int n) {
        int size = ring.length;
        int from = Math.max(0, n - size);
        int at = (int) ((total + from) % size);
        int first = Math.min(n - from, size - at);
        System.arraycopy(buf, from, ring, at, first);
        System.arraycopy(buf, from + first, ring, 0, n - from - first);
        total += n;
    }

    /** Waits (briefly) for the stream to end, e.g. after the process exited. */
    public void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last bytes read, as text. */
    public synchronized String tail() {
        int length = (int) Math.min(total, ring.length);
        byte[] out = new byte[length];
        long start = total - length;
        for (int i = 0; i < length; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

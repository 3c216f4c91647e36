package dev.statamcp.fakestata.out;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of a file or pipe that takes text and stores it as UTF-8. Writers (a BufferedWriter over
 * an OutputStreamWriter) copy every character twice and encode it once more; this copies the bytes of a string
 * once, which is what lets a loop print at disk or pipe speed.
 */
public final class Utf8Buffer {
    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    public Utf8Buffer(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    public void write(CharSequence text) throws IOException {
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            flushBuffer();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    public void write(char ascii) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) ascii;
    }

    public boolean isEmpty() {
        return pos == 0;
    }

    /** Hands the buffered bytes to the stream (one write system call). */
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    public void close() throws IOException {
        flush();
        out.close();
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}

package dev.statamcp.fakestata.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A file opened by {@code file open}: its handle, how it was opened, and one position shared by reads, writes and
 * seeks. Writes are buffered (as C's stdio buffers Stata's) and reach the disk when the buffer fills, on a seek or
 * read, and on close. Reads go through a buffer of their own so that {@code file read} on a long file does not make
 * a system call per byte.
 */
public final class OpenFile {
    /** What the file was opened for. */
    public enum Access {
        READ("read"), WRITE("write"), READ_WRITE("read write");

        private final String word;

        Access(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        boolean canRead() {
            return this != WRITE;
        }

        boolean canWrite() {
            return this != READ;
        }
    }

    private static final int BUFFER = 8192;

    private final String handle;
    private final Path path;
    private final Access access;
    private final boolean binary;
    private final RandomAccessFile file;
    private final byte[] writeBuffer = new byte[BUFFER];
    private int writeLength;
    private long writeStart;
    private final byte[] readBuffer = new byte[BUFFER];
    private long readStart;
    private int readLength;
    private long position;
    private int column;
    private boolean hilo;

    OpenFile(String handle, Path path, Access access, boolean binary, RandomAccessFile file, long position) {
        this.handle = handle;
        this.path = path;
        this.access = access;
        this.binary = binary;
        this.file = file;
        this.position = position;
        // Stata writes binary numbers in the machine's byte order unless told otherwise; the emulator's machines
        // are little-endian (x86-64, arm64).
        this.hilo = false;
    }

    public String handle() {
        return handle;
    }

    public Path path() {
        return path;
    }

    public Access access() {
        return access;
    }

    public boolean binary() {
        return binary;
    }

    public boolean canRead() {
        return access.canRead();
    }

    public boolean canWrite() {
        return access.canWrite();
    }

    /** Whether binary numbers are written most significant byte first ({@code file set h byteorder hilo}). */
    public boolean hilo() {
        return hilo;
    }

    public void setHilo(boolean hilo) {
        this.hilo = hilo;
    }

    /** Characters written since the last newline, for {@code _column(#)}. */
    public int column() {
        return column;
    }

    /** Writes text, keeping track of the column. */
    public synchronized void writeText(String text) throws IOException {
        int lastNewline = text.lastIndexOf('\n');
        String tail = lastNewline < 0 ? text : text.substring(lastNewline + 1);
        column = (lastNewline < 0 ? column : 0) + tail.codePointCount(0, tail.length());
        write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes one byte ({@code _char(#)}), which may be part of a character written byte by byte. */
    public synchronized void writeByte(int b) throws IOException {
        column = b == '\n' ? 0 : column + 1;
        write(new byte[]{(byte) b});
    }

    public synchronized void write(byte[] bytes) throws IOException {
        readLength = 0;
        if (writeLength > 0 && writeLength + bytes.length > BUFFER) {
            flush();
        }
        if (writeLength == 0) {
            writeStart = position;
        }
        if (bytes.length > BUFFER) {
            file.seek(position);
            file.write(bytes);
        } else {
            System.arraycopy(bytes, 0, writeBuffer, writeLength, bytes.length);
            writeLength += bytes.length;
        }
        position += bytes.length;
    }

    /** The next byte, or -1 at the end of the file. */
    public synchronized int readByte() throws IOException {
        flush();
        if (position < readStart || position >= readStart + readLength) {
            file.seek(position);
            readStart = position;
            readLength = Math.max(0, file.read(readBuffer, 0, BUFFER));
            if (readLength == 0) {
                return -1;
            }
        }
        int b = readBuffer[(int) (position - readStart)] & 0xff;
        position++;
        return b;
    }

    /** Up to {@code n} bytes; fewer at the end of the file. */
    public synchronized byte[] readBytes(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        for (int i = 0; i < n; i++) {
            int b = readByte();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Moves back one byte (after looking at the byte that follows a carriage return). */
    synchronized void unread() {
        position--;
    }

    public synchronized long position() {
        return position;
    }

    public synchronized long length() throws IOException {
        flush();
        return file.length();
    }

    public synchronized void seek(long to) throws IOException {
        flush();
        position = to;
        column = 0;
    }

    public synchronized void flush() throws IOException {
        if (writeLength > 0) {
            file.seek(writeStart);
            file.write(writeBuffer, 0, writeLength);
            writeLength = 0;
        }
    }

    public synchronized void close() throws IOException {
        try {
            flush();
        } finally {
            file.close();
        }
    }
}

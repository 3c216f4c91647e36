package dev.statamcp.bench.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one keep-alive socket: POST a body, read the whole response (Content-Length, chunked,
 * or until close).
 *
 * <p>Written here rather than taken from a library on purpose: the benchmark times round trips of a fraction of a
 * millisecond, and a general client's connection pool, async machinery and header handling would be a large and
 * uneven part of that; this one does the same few system calls for every server. The fuzzer also needs to send what a
 * library would refuse to (no Content-Type, odd headers, bodies that are not text).
 */
public final class HttpConnection implements Closeable {
    /** A header to send; {@code Host} and {@code Content-Length} are always added by the connection. */
    public record Header(String name, String value) {
    }

    private final String host;
    private final int port;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int exchanges;
    private int staleRetries;

    public HttpConnection(String host, int port, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMillis);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        exchanges = 0;
    }

    /** How often a request was sent again because a kept-alive connection turned out to be closed. */
    public int staleRetries() {
        return staleRetries;
    }

    public boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    /**
     * Writes the request and reads the response. If writing fails, the server may still have answered (for example
     * 413 before reading a huge body). A kept-alive connection that the server closed while idle yields no byte of
     * response: then, as HTTP clients do, the request is sent once more on a new connection.
     */
    public HttpReply post(String path, List<Header> headers, byte[] body) throws IOException {
        boolean reused = isOpen() && exchanges > 0;
        try {
            return exchange(path, headers, body);
        } catch (StaleConnectionException e) {
            if (!reused) {
                throw e;
            }
            staleRetries++;
            return exchange(path, headers, body);
        }
    }

    /** No byte of a response came before the connection ended. */
    private static final class StaleConnectionException extends EOFException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("the server closed the connection without a response");
        }
    }

    private HttpReply exchange(String path, List<Header> headers, byte[] body) throws IOException {
        if (!isOpen()) {
            connect();
        }
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        IOException writeFailure = null;
        try {
            if (body.length <= 16 * 1024) {
                byte[] whole = new byte[headBytes.length + body.length];
                System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
                System.arraycopy(body, 0, whole, headBytes.length, body.length);
                out.write(whole);
            } else {
                out.write(headBytes);
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            writeFailure = e;
        }
        try {
            HttpReply reply = readReply();
            exchanges++;
            String connection = reply.header("connection");
            // After a failed write the request was not sent whole: the connection cannot carry another one.
            if (writeFailure != null || connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
                close();
            }
            return reply;
        } catch (IOException e) {
            close();
            if (writeFailure != null) {
                e.addSuppressed(writeFailure);
            }
            throw e;
        }
    }

    private HttpReply readReply() throws IOException {
        String statusLine = readHeaderLine();
        if (statusLine == null) {
            throw new StaleConnectionException();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = readHeaderLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (line == null) {
            throw new EOFException("the server closed the connection inside the response headers");
        }
        byte[] body;
        String length = headers.get("content-length");
        String encoding = headers.get("transfer-encoding");
        if (status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
            if (body.length < Integer.parseInt(length)) {
                throw new EOFException("the server closed the connection inside the response body");
            }
        } else {
            body = in.readAllBytes();
            close();
        }
        return new HttpReply(status, headers, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readHeaderLine();
            if (sizeLine == null) {
                throw new EOFException("the server closed the connection inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readHeaderLine()) != null && !trailer.isEmpty()) {
                    // Trailers carry nothing the client needs.
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("the server closed the connection inside a chunk");
            }
            body.write(chunk);
            readHeaderLine();
        }
    }

    /** A CRLF- (or LF-) terminated line in ISO-8859-1, or null at end of stream before any byte. */
    private String readHeaderLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
            if (line.length() > 64 * 1024) {
                throw new IOException("a response header line longer than 64 KiB");
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that is already broken: nothing left to release.
            }
            socket = null;
        }
    }
}

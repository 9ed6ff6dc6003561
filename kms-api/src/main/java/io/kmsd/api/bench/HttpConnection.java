package io.kmsd.api.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal blocking HTTP/1.1 keep-alive client on one socket: write the request bytes, read the status line, the
 * headers and a {@code Content-Length} (or chunked) body. It opens the socket lazily and again after the server
 * closes it. One per connection thread; not thread-safe. Deliberately tiny, because the client shares the
 * machine's cores with the server it measures.
 */
final class HttpConnection implements Closeable {
    /** Largest response body accepted; KMS responses are a few KiB at most. */
    static final int MAX_BODY = 1 << 20;
    private static final int MAX_LINE = 16 * 1024;
    private static final long IDLE = Long.MAX_VALUE;

    private final Endpoint endpoint;
    private final int timeoutMillis;
    private final byte[] line = new byte[MAX_LINE];
    // Own buffers rather than Buffered*Stream, whose per-byte synchronized read() costs on a shared 2-core box.
    private final byte[] inBuf = new byte[16 * 1024];
    private int inPos;
    private int inLimit;
    private byte[] outBuf = new byte[4 * 1024];
    private volatile Socket socket;
    /** {@link System#nanoTime()} by which the current exchange must end; {@link #IDLE} between exchanges. */
    private volatile long deadlineNanos = IDLE;
    private volatile boolean timedOut;
    private InputStream in;
    private OutputStream out;

    HttpConnection(Endpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** The status and body of one response. */
    record Response(int status, byte[] body) {
        boolean ok() {
            return status == 200;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends one request ({@code head} ends with the blank line) and reads its response. */
    Response exchange(byte[] head, byte[] body) throws IOException {
        timedOut = false;
        deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        try {
            open();
            writeRequest(head, body);
            return readResponse();
        } catch (IOException e) {
            close();
            throw timedOut ? new SocketTimeoutException("no response within " + timeoutMillis + " ms") : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            deadlineNanos = IDLE;
        }
    }

    /** Called by the {@link Watchdog}: closes the socket under an exchange that has run past its deadline. */
    void abortIfOverdue(long nowNanos) {
        Socket s = socket;
        if (s != null && nowNanos - deadlineNanos > 0 && deadlineNanos != IDLE) {
            timedOut = true;
            closeQuietly(s);
        }
    }

    boolean isOpen() {
        return socket != null;
    }

    @Override
    public void close() {
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
            Watchdog.INSTANCE.forget(this);
        }
        socket = null;
        in = null;
        out = null;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket; nothing to report
        }
    }

    private void open() throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), timeoutMillis);
            socket = s;
            Watchdog.INSTANCE.watch(this); // reads block without SO_TIMEOUT: see Watchdog
            in = s.getInputStream();
            out = s.getOutputStream();
            inPos = 0;
            inLimit = 0;
        }
    }

    /** One write call per request: head and body copied into one buffer. */
    private void writeRequest(byte[] head, byte[] body) throws IOException {
        int n = head.length + body.length;
        if (outBuf.length < n) {
            outBuf = new byte[n];
        }
        System.arraycopy(head, 0, outBuf, 0, head.length);
        System.arraycopy(body, 0, outBuf, head.length, body.length);
        out.write(outBuf, 0, n);
    }

    private Response readResponse() throws IOException {
        int status = parseStatus(readLine());
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header");
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = parseLength(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        byte[] body = chunked ? readChunked() : contentLength >= 0 ? readFully((int) contentLength) : readToEnd();
        if (closeAfter || (!chunked && contentLength < 0)) {
            close();
        }
        return new Response(status, body);
    }

    private static int parseStatus(String statusLine) throws IOException {
        // "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("malformed status line");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line");
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > MAX_BODY) {
                throw new IOException("response body length out of range: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length");
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new IOException("chunked body too large");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            body.write(readFully(size));
            if (!readLine().isEmpty()) {
                throw new IOException("malformed chunk terminator");
            }
        }
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            if (inPos == inLimit && !fill()) {
                throw new EOFException("connection closed in the response body");
            }
            int take = Math.min(n - off, inLimit - inPos);
            System.arraycopy(inBuf, inPos, b, off, take);
            inPos += take;
            off += take;
        }
        return b;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        while (inPos < inLimit || fill()) {
            b.write(inBuf, inPos, inLimit - inPos);
            inPos = inLimit;
            if (b.size() > MAX_BODY) {
                throw new IOException("response body too large");
            }
        }
        return b.toByteArray();
    }

    /** Reads more bytes into the input buffer; false at end of stream. */
    private boolean fill() throws IOException {
        int r = in.read(inBuf, 0, inBuf.length);
        if (r <= 0) {
            return false;
        }
        inPos = 0;
        inLimit = r;
        return true;
    }

    /** One CRLF- (or LF-) terminated line, without the terminator, as ISO-8859-1. */
    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            if (inPos == inLimit && !fill()) {
                throw new EOFException(n == 0 ? "connection closed by server" : "connection closed mid-line");
            }
            int c = inBuf[inPos++] & 0xff;
            if (c == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == MAX_LINE) {
                throw new IOException("response line too long");
            }
            line[n++] = (byte) c;
        }
    }
}

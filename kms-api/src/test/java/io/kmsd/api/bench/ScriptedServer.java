package io.kmsd.api.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback socket server for client tests: answers each request with the next scripted response bytes, and
 * closes the connection after a response when told to. Records every raw request it read.
 */
final class ScriptedServer implements AutoCloseable {
    /** What to send back; {@code close} closes the socket after writing. */
    record Reply(String raw, boolean close) {
        static Reply of(String raw) {
            return new Reply(raw, false);
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    ScriptedServer(Reply... script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        replies.addAll(List.of(script));
        acceptor = new Thread(this::acceptLoop, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    Endpoint endpoint() {
        return Endpoint.parse("http://127.0.0.1:" + server.getLocalPort());
    }

    int accepted() {
        return accepted.get();
    }

    List<String> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply = replies.take();
                out.write(reply.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (reply.close()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection over
        }
    }

    /** Reads a head up to the blank line and a Content-Length body; null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.write(c);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

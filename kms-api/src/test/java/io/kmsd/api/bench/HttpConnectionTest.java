package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {
    static final byte[] HEAD = "POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] BODY = "{}".getBytes(StandardCharsets.US_ASCII);
    static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}";

    private static HttpConnection client(ScriptedServer server) {
        return new HttpConnection(server.endpoint(), Duration.ofSeconds(5));
    }

    @Test
    void keepsOneConnectionAcrossRequests() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(OK), ScriptedServer.Reply.of(OK));
             HttpConnection c = client(server)) {
            assertThat(c.exchange(HEAD, BODY).bodyText()).isEqualTo("{}");
            assertThat(c.exchange(HEAD, BODY).status()).isEqualTo(200);
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(server.requests()).containsExactly(
                    new String(HEAD, StandardCharsets.US_ASCII) + "{}", new String(HEAD, StandardCharsets.US_ASCII) + "{}");
        }
    }

    @Test
    void readsErrorStatusAndBody() throws Exception {
        String bad = "HTTP/1.1 400 Bad Request\r\ncontent-length: 49\r\n\r\n"
                + "{\"__type\":\"NotFoundException\",\"message\":\"gone\"}  ";
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(bad)); HttpConnection c = client(server)) {
            HttpConnection.Response r = c.exchange(HEAD, BODY);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.ok()).isFalse();
            assertThat(r.bodyText()).startsWith("{\"__type\"");
        }
    }

    @Test
    void decodesChunkedBodies() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-T: y\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(chunked), ScriptedServer.Reply.of(OK));
             HttpConnection c = client(server)) {
            assertThat(c.exchange(HEAD, BODY).bodyText()).isEqualTo("{\"a\":1}");
            assertThat(c.exchange(HEAD, BODY).bodyText()).isEqualTo("{}");
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void reconnectsAfterConnectionClose() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(closing, true),
                ScriptedServer.Reply.of(OK)); HttpConnection c = client(server)) {
            c.exchange(HEAD, BODY);
            assertThat(c.isOpen()).isFalse();
            assertThat(c.exchange(HEAD, BODY).status()).isEqualTo(200);
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void bodyCutShortIsAnErrorAndTheNextRequestReconnects() throws Exception {
        String cut = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}";
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(cut, true), ScriptedServer.Reply.of(OK));
             HttpConnection c = client(server)) {
            assertThatThrownBy(() -> c.exchange(HEAD, BODY)).isInstanceOf(EOFException.class);
            assertThat(c.isOpen()).isFalse();
            assertThat(c.exchange(HEAD, BODY).status()).isEqualTo(200);
        }
    }

    @Test
    void malformedStatusLineIsAnError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of("SMTP ready\r\n\r\n"));
             HttpConnection c = client(server)) {
            assertThatThrownBy(() -> c.exchange(HEAD, BODY)).isInstanceOf(IOException.class)
                    .hasMessageContaining("status line");
        }
    }

    @Test
    void hugeContentLengthIsRefusedBeforeReading() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                ScriptedServer.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"));
             HttpConnection c = client(server)) {
            assertThatThrownBy(() -> c.exchange(HEAD, BODY)).isInstanceOf(IOException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             HttpConnection c = new HttpConnection(server.endpoint(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> c.exchange(HEAD, BODY)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refusedConnectionIsAnIoError() throws Exception {
        Endpoint closed;
        try (ScriptedServer server = new ScriptedServer()) {
            closed = server.endpoint();
        }
        try (HttpConnection c = new HttpConnection(closed, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> c.exchange(HEAD, BODY)).isInstanceOf(IOException.class);
        }
    }
}

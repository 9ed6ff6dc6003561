package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.protocol.KmsHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Operating the server: admin health checks, per-operation metrics, and Jetty-level failures answered in the
 * service's error shape rather than as HTML.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperatingTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode admin(String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + APP.getAdminPort() + path).toURL()
                .openConnection();
        assertThat(c.getResponseCode()).as(path).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    @Test
    void healthChecksCoverDatabaseAndRootKey() throws Exception {
        JsonNode health = admin("/healthcheck");
        assertThat(health.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(health.get("root-key").get("healthy").asBoolean()).isTrue();
    }

    @Test
    void everyOperationIsTimedAndItsErrorsCountedByType() throws Exception {
        try (KmsClient kms = TestServer.client(APP, TestServer.alice())) {
            String key = kms.createKey(r -> { }).keyMetadata().keyId();
            kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("x")));
            fails(NotFoundException.class, () -> kms.encrypt(r -> r.keyId(UUID.randomUUID().toString())
                    .plaintext(SdkBytes.fromUtf8String("x"))));
        }
        JsonNode metrics = admin("/metrics");
        assertThat(metrics.get("timers").get("kms.Encrypt.requests").get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(metrics.get("timers").get("kms.CreateKey.requests").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("meters").get("kms.Encrypt.errors.NotFoundException").get("count").asLong()).isEqualTo(1);
        assertThat(metrics.get("meters").get("kms.errors.NotFoundException").get("count").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void malformedHttpIsAnsweredInTheServicesShape() throws Exception {
        String response = rawHttp("POST /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/x-amz-json-1.1").contains("\"__type\":\"SerializationException\"")
                .doesNotContain("<html");
    }

    @Test
    void aBrokenHeaderLineIsAnsweredInTheServicesShape() throws Exception {
        String response = rawHttp("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"__type\"").doesNotContain("<html");
    }

    @Test
    void pingAnswersOnTheApiPortWithoutAuthentication() throws Exception {
        String response = rawHttp("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").contains("x-amzn-RequestId: ").endsWith("{}");
        String post = rawHttp("POST /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(post).matches("(?s)HTTP/1.1 4\\d\\d.*").contains("\"__type\"").doesNotContain("<html");
    }

    @Test
    void theProtocolServletAnswersEveryOutcomeWithRequestIdAndDate() throws Exception {
        String unsigned = rawHttp("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: TrentService.ListKeys\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(unsigned).startsWith("HTTP/1.1 400").contains("x-amzn-RequestId: ").contains("Date: ")
                .contains("application/x-amz-json-1.1").contains("\"__type\":\"MissingAuthenticationTokenException\"");
        String get = rawHttp("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(get).startsWith("HTTP/1.1 400").contains("\"__type\":\"UnknownOperationException\"");
    }

    /** POST / and GET /ping skip the servlet layer (KmsHandler says why): the handler sits ahead of the servlets. */
    @Test
    void theProtocolHandlerSitsBetweenTheContextAndItsServlets() {
        List<Class<?>> chain = new ArrayList<>();
        Handler h = APP.getEnvironment().getApplicationContext().getHandler();
        while (h != null) {
            chain.add(h.getClass());
            h = h instanceof Handler.Singleton s ? s.getHandler() : null;
        }
        assertThat(chain).contains(KmsHandler.class, ServletHandler.class);
        assertThat(chain.indexOf(KmsHandler.class)).isLessThan(chain.indexOf(ServletHandler.class));
    }

    private static String rawHttp(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", APP.getLocalPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

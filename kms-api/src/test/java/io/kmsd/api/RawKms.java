package io.kmsd.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made requests to a running server: signed by the AWS SDK's own SigV4 signer with whatever key, secret,
 * Region, service and time a test wants, then changed at will, and sent with the JDK HTTP client.
 */
public final class RawKms {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String endpoint;

    public RawKms(String endpoint) {
        this.endpoint = endpoint;
    }

    /** What to sign with. */
    public record Signing(String accessKeyId, String secret, String region, String service, Instant time) {
        public static Signing of(String accessKeyId, String secret) {
            return new Signing(accessKeyId, secret, "us-east-1", "kms", Instant.now());
        }

        public Signing region(String r) {
            return new Signing(accessKeyId, secret, r, service, time);
        }

        public Signing service(String s) {
            return new Signing(accessKeyId, secret, region, s, time);
        }

        public Signing time(Instant t) {
            return new Signing(accessKeyId, secret, region, service, t);
        }

        public Signing secret(String s) {
            return new Signing(accessKeyId, s, region, service, time);
        }
    }

    /** The signed headers of {@code POST /} for {@code operation} and {@code body}. */
    public Map<String, List<String>> sign(Signing s, String operation, String body) {
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(endpoint + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation).build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(s.accessKeyId(), s.secret())).request(http)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, s.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, s.region())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(s.time(), ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("Host"));
        return headers;
    }

    /** Sends {@code POST /} with exactly these headers and body. */
    public HttpResponse<String> post(Map<String, List<String>> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code headers} with one header set (or removed when {@code value} is null). */
    public static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        Map<String, List<String>> out = new LinkedHashMap<>(headers);
        out.keySet().removeIf(h -> h.equalsIgnoreCase(name));
        if (value != null) {
            out.put(name, List.of(value));
        }
        return out;
    }
}

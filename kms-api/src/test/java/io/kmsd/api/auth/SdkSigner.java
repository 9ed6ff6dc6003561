package io.kmsd.api.auth;

import java.net.URI;
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
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs test requests with the AWS SDK v2's own SigV4 signer, so the verifier is checked against an
 * implementation it shares no code with.
 */
final class SdkSigner {
    static final String HOST = "localhost:8080";

    private SdkSigner() {
    }

    record Spec(String accessKeyId, String secret, String sessionToken, String region, String service, Instant time) {
        Spec {
            service = service == null ? "kms" : service;
            region = region == null ? "us-east-1" : region;
        }

        static Spec of(String accessKeyId, String secret, Instant time) {
            return new Spec(accessKeyId, secret, null, "us-east-1", "kms", time);
        }

        Spec region(String r) {
            return new Spec(accessKeyId, secret, sessionToken, r, service, time);
        }

        Spec service(String s) {
            return new Spec(accessKeyId, secret, sessionToken, region, s, time);
        }

        Spec token(String t) {
            return new Spec(accessKeyId, secret, t, region, service, time);
        }

        Spec secret(String s) {
            return new Spec(accessKeyId, s, sessionToken, region, service, time);
        }
    }

    /** A signed {@code POST /} with the KMS headers for {@code operation} and {@code body}. */
    static io.kmsd.api.auth.SignedRequest sign(Spec spec, String operation, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + HOST + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity(spec))
                .request(http)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, spec.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, spec.region())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(spec.time(), ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
        headers.put("Host", List.of(HOST));
        return new io.kmsd.api.auth.SignedRequest("POST", "/", null, headers, bytes);
    }

    private static AwsCredentialsIdentity identity(Spec spec) {
        return spec.sessionToken() == null ? AwsCredentialsIdentity.create(spec.accessKeyId(), spec.secret())
                : AwsSessionCredentialsIdentity.create(spec.accessKeyId(), spec.secret(), spec.sessionToken());
    }

    /** The same request with one header replaced (or removed when {@code value} is null). */
    static io.kmsd.api.auth.SignedRequest withHeader(io.kmsd.api.auth.SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.remove(name.toLowerCase());
        if (value != null) {
            headers.put(name.toLowerCase(), List.of(value));
        }
        return new io.kmsd.api.auth.SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static io.kmsd.api.auth.SignedRequest withBody(io.kmsd.api.auth.SignedRequest r, byte[] body) {
        return new io.kmsd.api.auth.SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body);
    }
}

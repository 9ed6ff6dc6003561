package io.kmsd.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/** The few calls made once before the loop (CreateKey, one Encrypt), over one connection; failures stop the run. */
final class SetupClient implements Closeable {
    private final LoadOptions options;
    private final Clock clock;
    private final ObjectMapper json;
    private final SigV4Signer signer;
    private final HttpConnection connection;

    SetupClient(LoadOptions options, Clock clock, ObjectMapper json) {
        this.options = options;
        this.clock = clock;
        this.json = json;
        this.signer = new SigV4Signer(options.credentials(), options.region());
        this.connection = new HttpConnection(options.endpoint(), options.requestTimeout());
    }

    /** Creates a symmetric key for the run; returns its ARN. */
    String createKey() {
        JsonNode out = call("CreateKey", Map.of("Description", "kms load tool"));
        return text(out.path("KeyMetadata").path("Arn"), "CreateKey", "KeyMetadata.Arn");
    }

    /** Creates a SIGN_VERIFY key of {@code keySpec} for the run. */
    Fixture.Signer createSigningKey(String keySpec) {
        JsonNode out = call("CreateKey", Map.of("Description", "kms load tool", "KeySpec", keySpec,
                "KeyUsage", "SIGN_VERIFY"));
        return signer(out.path("KeyMetadata"), "CreateKey");
    }

    /** The given key and its first signing algorithm, from DescribeKey; a key that cannot sign stops the run. */
    Fixture.Signer describeSigningKey(String keyId) {
        return signer(call("DescribeKey", Map.of("KeyId", keyId)).path("KeyMetadata"), "DescribeKey");
    }

    private static Fixture.Signer signer(JsonNode metadata, String operation) {
        String arn = text(metadata.path("Arn"), operation, "KeyMetadata.Arn");
        JsonNode algorithms = metadata.path("SigningAlgorithms");
        if (!algorithms.isArray() || algorithms.isEmpty()) {
            throw new IllegalStateException("key " + arn + " cannot sign (KeyUsage "
                    + metadata.path("KeyUsage").asText("?") + "); Sign needs a SIGN_VERIFY key");
        }
        return new Fixture.Signer(arn, text(algorithms.get(0), operation, "KeyMetadata.SigningAlgorithms"));
    }

    /** Encrypts the payload once; returns the CiphertextBlob. */
    byte[] encrypt(String keyId, byte[] plaintext) {
        JsonNode out = call("Encrypt", Map.of("KeyId", keyId, "Plaintext", Base64.getEncoder().encodeToString(plaintext)));
        return Base64.getDecoder().decode(text(out.path("CiphertextBlob"), "Encrypt", "CiphertextBlob"));
    }

    JsonNode call(String operation, Map<String, Object> body) {
        RequestTemplate.Signed request = RequestTemplate.call(operation, body, json).signer(options.endpoint(), signer);
        HttpConnection.Response r;
        try {
            r = connection.exchange(request.head(clock.millis() / 1000), request.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation + " to " + options.endpoint() + " failed: " + e.getMessage()
                    + " (is the server running?)");
        }
        if (!r.ok()) {
            throw new IllegalStateException(operation + " failed: " + ErrorType.of(r, json) + ": "
                    + ErrorType.message(r, json));
        }
        return read(operation, r);
    }

    @Override
    public void close() {
        connection.close();
    }

    private JsonNode read(String operation, HttpConnection.Response r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation + " returned a body that is not JSON");
        }
    }

    private static String text(JsonNode node, String operation, String member) {
        if (!node.isTextual()) {
            throw new IllegalStateException(operation + " response has no " + member);
        }
        return node.asText();
    }
}

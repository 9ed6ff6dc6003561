package io.kmsd.audit.chain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kmsd.audit.AuditJson;
import java.io.IOException;
import java.util.Optional;

/**
 * A digest file: {@code {"digest":{...},"signature":"<base64 Ed25519>"}}. The signature covers the
 * compact JSON of {@code digest} as {@link AuditJson} writes it (fixed field order), so the verifier
 * re-serializes the parsed digest to check it; unknown members are refused when reading.
 */
@JsonPropertyOrder({"digest", "signature"})
public record SignedDigest(Digest digest, String signature) {
    private static final ObjectReader STRICT = AuditJson.mapper().readerFor(SignedDigest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SignedDigest {
        if (digest == null || signature == null) {
            throw new IllegalArgumentException("malformed signed digest");
        }
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(Digest digest) {
        try {
            return AuditJson.mapper().writeValueAsBytes(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest cannot be serialized", e);
        }
    }

    public byte[] toBytes() {
        try {
            return AuditJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("digest cannot be serialized", e);
        }
    }

    /** Empty when the bytes are not a digest file of this version. */
    public static Optional<SignedDigest> parse(byte[] bytes) {
        try {
            return Optional.of(STRICT.readValue(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package io.kmsd.audit.chain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a digest file vouches for: records {@code firstSequence..lastSequence} (the ones written since
 * the previous digest), the hash of record {@code lastSequence} (the chain head), the files holding
 * them, and the SHA-256 of the previous digest file. Signed with Ed25519; the public key is embedded
 * so a verifier needs only the directory (and should pin the key id, see {@link DigestKeys}).
 */
@JsonPropertyOrder({"digestVersion", "number", "time", "firstSequence", "lastSequence", "headHash", "files",
    "previousDigestHash", "keyId", "publicKey", "signatureAlgorithm"})
public record Digest(String digestVersion, long number, Instant time, long firstSequence, long lastSequence,
        String headHash, List<FileRange> files, String previousDigestHash, String keyId, String publicKey,
        String signatureAlgorithm) {
    public static final String VERSION = "1";

    public Digest {
        if (number < 1 || firstSequence < 1 || lastSequence < firstSequence || time == null
                || !ChainHash.isHash(headHash) || !ChainHash.isHash(previousDigestHash)) {
            throw new IllegalArgumentException("malformed digest");
        }
        time = time.truncatedTo(ChronoUnit.MILLIS);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The part of one log file a digest covers. */
    @JsonPropertyOrder({"name", "firstSequence", "lastSequence"})
    public record FileRange(String name, long firstSequence, long lastSequence) {
        public FileRange {
            if (name == null || lastSequence < firstSequence) {
                throw new IllegalArgumentException("malformed digest file range");
            }
        }
    }
}

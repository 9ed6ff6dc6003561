package io.kmsd.api.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations the load tool can drive, each with the JSON body it sends. {@code Ping} is {@code GET /ping} on
 * the API port (the whole HTTP stack, none of our work); the others are {@code POST /} with
 * {@code X-Amz-Target: TrentService.<name>}. {@code Sign} signs the payload (RAW) with a signing key.
 */
public enum Operation {
    PING("Ping", false, false, f -> Map.of()),
    ENCRYPT("Encrypt", true, false, f -> members("KeyId", f.keyId(), "Plaintext", f.plaintextBase64())),
    DECRYPT("Decrypt", true, true, f -> members("CiphertextBlob", f.ciphertextBase64())),
    RE_ENCRYPT("ReEncrypt", true, true,
            f -> members("CiphertextBlob", f.ciphertextBase64(), "DestinationKeyId", f.keyId())),
    GENERATE_DATA_KEY("GenerateDataKey", true, false, f -> members("KeyId", f.keyId(), "KeySpec", "AES_256")),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext", true, false,
            f -> members("KeyId", f.keyId(), "KeySpec", "AES_256")),
    GENERATE_RANDOM("GenerateRandom", false, false,
            f -> members("NumberOfBytes", Math.min(f.plaintextBytes(), 1024))),
    DESCRIBE_KEY("DescribeKey", true, false, f -> members("KeyId", f.keyId())),
    /** RAW Sign of the payload with the run's signing key and its first algorithm (kms-api §4.6). */
    SIGN("Sign", false, false, f -> members("KeyId", f.signer().keyId(), "Message", f.plaintextBase64(),
            "SigningAlgorithm", f.signer().algorithm()));

    private final String wireName;
    private final boolean needsKey;
    private final boolean needsCiphertext;
    private final Function<Fixture, Map<String, Object>> bodyMembers;

    Operation(String wireName, boolean needsKey, boolean needsCiphertext,
              Function<Fixture, Map<String, Object>> body) {
        this.wireName = wireName;
        this.needsKey = needsKey;
        this.needsCiphertext = needsCiphertext;
        this.bodyMembers = body;
    }

    public String wireName() {
        return wireName;
    }

    public boolean needsKey() {
        return needsKey;
    }

    /** Decrypt and ReEncrypt need one ciphertext, made once by an Encrypt before the loop. */
    public boolean needsCiphertext() {
        return needsCiphertext;
    }

    /** Sign needs a SIGN_VERIFY key: {@code --key-id}, or one of {@code --key-spec} made before the loop. */
    public boolean needsSigningKey() {
        return this == SIGN;
    }

    public boolean isPing() {
        return this == PING;
    }

    /** The request body members for this operation; empty for Ping. */
    Map<String, Object> body(Fixture fixture) {
        return bodyMembers.apply(fixture);
    }

    /** Parses names such as {@code Encrypt}, {@code decrypt} or {@code Encrypt,Decrypt} (repeats dropped). */
    public static List<Operation> parseAll(List<String> specs) {
        LinkedHashSet<Operation> ops = new LinkedHashSet<>();
        for (String spec : specs) {
            for (String name : spec.split(",")) {
                if (!name.isBlank()) {
                    ops.add(parse(name.strip()));
                }
            }
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("no operation given; use --op " + names());
        }
        return new ArrayList<>(ops);
    }

    public static Operation parse(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operation '" + name + "'; known: " + names()));
    }

    static String names() {
        return String.join("|", Arrays.stream(values()).map(Operation::wireName).toList());
    }

    private static Map<String, Object> members(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}

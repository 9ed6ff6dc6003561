package io.kmsd.api.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated load run. Every dimension is bounded, so a run always ends: at most {@link #MAX_CONNECTIONS}
 * connections, {@link #MAX_DURATION} per operation (plus {@link #MAX_WARMUP}), {@code maxRequests} requests per
 * operation (warm-up included), and each request waits at most {@code requestTimeout}.
 *
 * @param keyId   empty: the tool creates a key with CreateKey first (when an operation needs one)
 * @param keySpec the spec of the SIGN_VERIFY key the tool creates for Sign when no {@code keyId} is given
 */
public record LoadOptions(Endpoint endpoint, int connections, Duration duration, Duration warmup,
                          List<Operation> operations, Optional<String> keyId, Credentials credentials, String region,
                          int plaintextBytes, long maxRequests, Duration requestTimeout, String keySpec) {
    public static final int MAX_CONNECTIONS = 256;
    public static final Duration MIN_DURATION = Duration.ofMillis(100);
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);
    public static final Duration MAX_WARMUP = Duration.ofMinutes(5);
    public static final long MAX_REQUESTS = 100_000_000L;
    public static final long DEFAULT_MAX_REQUESTS = 10_000_000L;
    /** Encrypt's limit on Plaintext (kms-api §5). */
    public static final int MAX_PLAINTEXT_BYTES = 4096;
    public static final String DEFAULT_KEY_SPEC = "ECC_NIST_P256";
    /** The key specs that sign (kms-api §3.2; SM2 only where the server allows it). */
    public static final List<String> SIGNING_KEY_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519",
            "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SM2");
    private static final Pattern REGION = Pattern.compile("([a-z]+-){2,3}\\d+");

    public LoadOptions {
        require(endpoint != null && credentials != null, "endpoint and credentials are required");
        require(connections >= 1 && connections <= MAX_CONNECTIONS, "--connections must be 1.." + MAX_CONNECTIONS);
        require(between(duration, MIN_DURATION, MAX_DURATION), "--duration must be 100ms..10m");
        require(between(warmup, Duration.ZERO, MAX_WARMUP), "--warmup must be 0..5m");
        require(operations != null && !operations.isEmpty(), "at least one --op is required");
        require(region != null && REGION.matcher(region).matches(), "--region is not a region name: " + region);
        require(plaintextBytes >= 1 && plaintextBytes <= MAX_PLAINTEXT_BYTES, "--plaintext-bytes must be 1..4096");
        require(maxRequests >= 1 && maxRequests <= MAX_REQUESTS, "--max-requests must be 1.." + MAX_REQUESTS);
        require(between(requestTimeout, MIN_DURATION, Duration.ofMinutes(1)), "--request-timeout must be 100ms..1m");
        require(keySpec != null && SIGNING_KEY_SPECS.contains(keySpec),
                "--key-spec must be one of " + SIGNING_KEY_SPECS);
        operations = List.copyOf(operations);
        keyId = keyId == null ? Optional.empty() : keyId.filter(k -> !k.isBlank());
    }

    /** The options with the default signing key spec. */
    public LoadOptions(Endpoint endpoint, int connections, Duration duration, Duration warmup,
                       List<Operation> operations, Optional<String> keyId, Credentials credentials, String region,
                       int plaintextBytes, long maxRequests, Duration requestTimeout) {
        this(endpoint, connections, duration, warmup, operations, keyId, credentials, region, plaintextBytes,
                maxRequests, requestTimeout, DEFAULT_KEY_SPEC);
    }

    /** Whether any operation needs a key (so one must be given or created). */
    boolean needsKey() {
        return operations.stream().anyMatch(Operation::needsKey);
    }

    boolean needsSigningKey() {
        return operations.stream().anyMatch(Operation::needsSigningKey);
    }

    boolean needsCiphertext() {
        return operations.stream().anyMatch(Operation::needsCiphertext);
    }

    /** This worker's share of the request budget: the shares add up to exactly {@code maxRequests}. */
    long budgetOf(int worker) {
        return maxRequests / connections + (worker < maxRequests % connections ? 1 : 0);
    }

    private static boolean between(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

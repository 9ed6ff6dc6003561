package io.kmsd.policy.diff;

/**
 * Options of {@code ./kms policy diff}: the key's ARN (default: a key of the account inferred from the policies)
 * and the most request contexts to try per principal and action — beyond it the condition keys are varied one at a
 * time instead of in every combination.
 */
public record DiffOptions(String keyArn, int maxContexts) {
    public static final int DEFAULT_MAX_CONTEXTS = 512;

    public DiffOptions {
        if (maxContexts < 1) {
            throw new IllegalArgumentException("maxContexts must be positive");
        }
    }

    public static DiffOptions defaults() {
        return new DiffOptions(null, DEFAULT_MAX_CONTEXTS);
    }
}

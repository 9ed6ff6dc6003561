package io.kmsd.core.lifecycle;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.nio.charset.StandardCharsets;

/** The kms-api §5 limits core enforces itself, even though kms-api validates the wire first. */
final class Limits {
    static final int MAX_DESCRIPTION = 8192;
    static final int MAX_POLICY_BYTES = 32768;
    static final int MAX_POLICY_CHARS = 131072;
    static final int MAX_TAGS = 50;
    static final int MAX_ALIASES_PER_KEY = 50;
    static final int MIN_WINDOW_DAYS = 7;
    static final int MAX_WINDOW_DAYS = 30;
    static final int MAX_PLAINTEXT = 4096;
    static final int MAX_RANDOM = 1024;
    static final int MAX_LIST_LIMIT = 1000;

    private Limits() {
    }

    static void description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Errors.constraint(description, "description",
                    "Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
    }

    /** kms-api §5 key policy: ≤ 32768 bytes → else LimitExceeded (the model allows 131072 characters). */
    static void policy(String policy) {
        if (policy == null || policy.isEmpty()) {
            throw Errors.constraint(null, "policy", "Member must have length greater than or equal to 1");
        }
        if (policy.length() > MAX_POLICY_CHARS) {
            throw Errors.constraint(null, "policy", "Member must have length less than or equal to " + MAX_POLICY_CHARS);
        }
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw new KmsException(KmsError.LimitExceeded,
                    "The key policy exceeds the maximum size of " + MAX_POLICY_BYTES + " bytes.");
        }
    }

    /** ScheduleKeyDeletion: 7–30 days (kms-api §4.1; the model's 1–365 is wider). */
    static void pendingWindow(int days) {
        if (days < MIN_WINDOW_DAYS || days > MAX_WINDOW_DAYS) {
            throw KmsException.validation("PendingWindowInDays value " + days + " is invalid: it must be between "
                    + MIN_WINDOW_DAYS + " and " + MAX_WINDOW_DAYS + " days.");
        }
    }

    static void plaintext(int length) {
        if (length < 1) {
            throw Errors.constraint(null, "plaintext", "Member must have length greater than or equal to 1");
        }
        if (length > MAX_PLAINTEXT) {
            throw Errors.constraint(null, "plaintext", "Member must have length less than or equal to " + MAX_PLAINTEXT);
        }
    }

    static void numberOfBytes(int n) {
        if (n < 1 || n > MAX_RANDOM) {
            throw Errors.range(n, "numberOfBytes", 1, MAX_RANDOM);
        }
    }

    static void listLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw Errors.range(limit, "limit", 1, MAX_LIST_LIMIT);
        }
    }
}

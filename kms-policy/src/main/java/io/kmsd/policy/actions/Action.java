package io.kmsd.policy.actions;

import java.util.Locale;

/**
 * An IAM action such as {@code kms:Decrypt}. {@link #lower()} is precomputed because action matching is
 * case-insensitive (key-policy-semantics G9) and happens on every request.
 */
public record Action(String name, String lower, String service, String operation) {

    public Action {
        int colon = name == null ? -1 : name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            throw new IllegalArgumentException("action must look like service:Name");
        }
        if (!lower.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("lower must be the lower-case action name");
        }
    }

    /** Parses {@code service:Name}; KMS actions come from a shared cache so the hot path allocates nothing. */
    public static Action of(String name) {
        Action known = KmsActions.lookup(name);
        return known != null ? known : create(name);
    }

    /** The KMS action for an operation name, e.g. {@code kms("Decrypt")}. */
    public static Action kms(String operation) {
        return of("kms:" + operation);
    }

    static Action create(String name) {
        if (name == null || name.indexOf(':') <= 0) {
            throw new IllegalArgumentException("action must look like service:Name");
        }
        int colon = name.indexOf(':');
        return new Action(name, name.toLowerCase(Locale.ROOT), name.substring(0, colon), name.substring(colon + 1));
    }

    public boolean isKms() {
        return "kms".equalsIgnoreCase(service);
    }

    @Override
    public String toString() {
        return name;
    }
}

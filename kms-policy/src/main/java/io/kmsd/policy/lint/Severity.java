package io.kmsd.policy.lint;

/** How serious a lint finding is (key-policy-semantics D4 uses error, warn, info). */
public enum Severity {
    /** The policy does not do what it says, or breaks separation of duties. */
    ERROR,
    /** A risk or a part that has no effect. */
    WARNING,
    /** Worth knowing. */
    INFO;

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}

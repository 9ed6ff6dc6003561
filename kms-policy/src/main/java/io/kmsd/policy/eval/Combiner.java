package io.kmsd.policy.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The combining rule, written once (key-policy-semantics E20): E2 gate → E6 explicit deny → E16 RetireGrant →
 * E7/E8/E10 allow → implicit deny. Checked against a naive reference implementation by jqwik properties.
 */
public final class Combiner {
    public static final String CROSS_ACCOUNT_UNSUPPORTED = "crossAccountUnsupported";
    public static final String IMPLICIT = "implicit";

    private Combiner() {
    }

    /** The outcome and its deciding references. */
    public record Combined(Outcome outcome, List<String> deciding) {
    }

    public static Combined combine(Evidence e) {
        if (e.crossAccountBlocked()) {
            return new Combined(Outcome.CROSS_ACCOUNT_UNSUPPORTED, List.of(CROSS_ACCOUNT_UNSUPPORTED));
        }
        if (!e.denies().isEmpty()) {
            return new Combined(Outcome.EXPLICIT_DENY, e.denies());
        }
        if (e.retireGrant()) {
            return allowOrImplicit(e.retire());
        }
        List<String> allow = new ArrayList<>(e.grants());
        boolean identity = !e.identity().isEmpty();
        switch (e.path()) {
            case SERVICE_PRINCIPAL -> allow.addAll(e.keyDirect());
            case IDENTITY_ONLY -> allow.addAll(e.identity());
            case SAME_ACCOUNT -> {
                allow.addAll(e.keyDirect());
                addIf(allow, identity && !e.keyAccount().isEmpty(), e.keyAccount(), e.identity());
            }
            case CROSS_ACCOUNT -> addIf(allow, identity && e.keyAllows(), e.keyDirect(), e.keyAccount(), e.identity());
        }
        return allowOrImplicit(allow);
    }

    private static Combined allowOrImplicit(List<String> allow) {
        return allow.isEmpty() ? new Combined(Outcome.IMPLICIT_DENY, List.of(IMPLICIT))
                : new Combined(Outcome.ALLOW, List.copyOf(allow));
    }

    @SafeVarargs
    private static void addIf(List<String> to, boolean condition, List<String>... refs) {
        if (condition) {
            for (List<String> r : refs) {
                to.addAll(r);
            }
        }
    }
}

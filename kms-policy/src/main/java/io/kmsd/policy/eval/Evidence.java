package io.kmsd.policy.eval;

import java.util.List;

/**
 * What the statements and grants say about one request, as statement references (E20), before combining:
 * applicable Deny statements (key policy first), key-policy Allows by match kind, identity Allows, applicable
 * grants and, for RetireGrant, the E16 paths that hold. {@code crossAccountBlocked} is the E2 gate.
 */
public record Evidence(Path path, boolean crossAccountBlocked, boolean retireGrant, List<String> denies,
        List<String> keyDirect, List<String> keyAccount, List<String> identity, List<String> grants,
        List<String> retire) {

    public Evidence {
        if (path == null) {
            throw new IllegalArgumentException("evidence needs a path");
        }
        denies = orEmpty(denies);
        keyDirect = orEmpty(keyDirect);
        keyAccount = orEmpty(keyAccount);
        identity = orEmpty(identity);
        grants = orEmpty(grants);
        retire = orEmpty(retire);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The E2 gate closed: nothing else was evaluated. */
    public static Evidence blocked(Path path) {
        return new Evidence(path, true, false, null, null, null, null, null, null);
    }

    public boolean keyAllows() {
        return !keyDirect.isEmpty() || !keyAccount.isEmpty();
    }
}

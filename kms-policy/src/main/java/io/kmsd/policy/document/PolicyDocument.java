package io.kmsd.policy.document;

import java.util.List;

/**
 * An accepted, compiled policy. Immutable and safe to share between threads; build it once when a policy is
 * stored or loaded ({@link PolicyParser}). {@code text} is the JSON it was compiled from.
 */
public record PolicyDocument(PolicyKind kind, String version, String id, List<Statement> statements, String text) {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        if (kind == null || version == null || statements == null || statements.isEmpty()) {
            throw new IllegalArgumentException("a policy needs a kind, a version and statements");
        }
        statements = List.copyOf(statements);
    }

    /** C12: policy variables are substituted only under Version 2012-10-17. */
    public boolean substitutesVariables() {
        return VERSION_2012.equals(version);
    }
}

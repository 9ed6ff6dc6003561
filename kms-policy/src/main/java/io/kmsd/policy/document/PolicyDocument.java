package io.kmsd.policy.document;

import java.util.List;

/**
 * An accepted, compiled policy. Immutable and safe to share between threads; build it once when a policy is
 * stored or loaded ({@link PolicyParser}). {@code text} is the JSON it was compiled from. {@code refs} holds each
 * statement's reference, built once: {@code keyPolicy#<Sid|[i]>} in key policies (E20), the bare
 * {@code <Sid|[i]>} in identity policies (a {@link NamedPolicy} adds its name).
 */
public record PolicyDocument(PolicyKind kind, String version, String id, List<Statement> statements, String text,
        List<String> refs) {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";
    public static final String KEY_POLICY_PREFIX = "keyPolicy#";

    public PolicyDocument {
        if (kind == null || version == null || statements == null || statements.isEmpty()) {
            throw new IllegalArgumentException("a policy needs a kind, a version and statements");
        }
        statements = List.copyOf(statements);
        refs = List.copyOf(refs);
        if (refs.size() != statements.size()) {
            throw new IllegalArgumentException("one reference per statement");
        }
    }

    public PolicyDocument(PolicyKind kind, String version, String id, List<Statement> statements, String text) {
        this(kind, version, id, statements, text, statements.stream()
                .map(s -> (kind == PolicyKind.KEY ? KEY_POLICY_PREFIX : "") + s.localRef()).toList());
    }

    /** C12: policy variables are substituted only under Version 2012-10-17. */
    public boolean substitutesVariables() {
        return VERSION_2012.equals(version);
    }

    /** The reference of the i-th statement. */
    public String ref(int i) {
        return refs.get(i);
    }
}

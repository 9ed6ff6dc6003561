package io.kmsd.policy.document;

import java.util.List;

/**
 * An identity policy with its name, as attached to a user or role; statement references
 * ({@code identity:<name>#<Sid|[i]>}, E20) are built once here.
 */
public record NamedPolicy(String name, PolicyDocument document, List<String> refs) {

    public NamedPolicy {
        if (name == null || name.isEmpty() || document == null) {
            throw new IllegalArgumentException("a named policy needs a name and a document");
        }
        if (document.kind() != PolicyKind.IDENTITY) {
            throw new IllegalArgumentException("only identity policies are attached to callers");
        }
        refs = List.copyOf(refs);
        if (refs.size() != document.statements().size()) {
            throw new IllegalArgumentException("one reference per statement");
        }
    }

    public NamedPolicy(String name, PolicyDocument document) {
        this(name, document, document.statements().stream()
                .map(s -> "identity:" + name + "#" + s.localRef()).toList());
    }

    /** The E20 reference of the i-th statement. */
    public String ref(int i) {
        return refs.get(i);
    }

    /** The source name used in explanations, {@code identity:<name>} (X1). */
    public String source() {
        return "identity:" + name;
    }
}

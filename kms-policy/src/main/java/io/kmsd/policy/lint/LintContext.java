package io.kmsd.policy.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.document.JsonPointers;
import io.kmsd.policy.document.KeyAccount;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.document.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The statements being linted (those that compiled), their references and pointers, and the key's account. */
final class LintContext {
    final Validation validation;
    final LintOptions options;
    final List<Statement> statements;
    final String keyAccount;
    final List<LintIdentity> identities;
    private final boolean array;
    final List<Finding> findings = new ArrayList<>();

    LintContext(Validation validation, LintOptions options, List<LintIdentity> identities) {
        this.validation = validation;
        this.options = options;
        this.identities = List.copyOf(identities);
        this.statements = validation.statements();
        JsonNode tree = validation.tree();
        this.array = tree != null && tree.path("Statement").isArray();
        this.keyAccount = options.keyAccount() != null ? options.keyAccount() : KeyAccount.infer(statements);
    }

    boolean keyPolicy() {
        return options.kind() == PolicyKind.KEY;
    }

    /** The E20 reference of a statement. */
    String ref(Statement s) {
        return (keyPolicy() ? PolicyDocument.KEY_POLICY_PREFIX : "") + s.localRef();
    }

    String pointer(Statement s) {
        return array ? "/Statement/" + s.index() : "/Statement";
    }

    String pointer(Statement s, String... path) {
        String p = pointer(s);
        for (String part : path) {
            p = JsonPointers.child(p, part);
        }
        return p;
    }

    /** The pointer of the i-th value of an element written as a string or an array. */
    String valuePointer(Statement s, String element, int i) {
        String p = pointer(s, element);
        JsonNode tree = validation.tree();
        return tree != null && tree.at(p).isArray() ? JsonPointers.child(p, i) : p;
    }

    void add(LintRule rule, Statement s, String pointer, String message, String suggestion) {
        findings.add(new Finding(rule, s == null ? null : ref(s), pointer, message, suggestion));
    }

    /** The KMS operations an Allow or Deny statement's Action/NotAction covers (empty when inert). */
    static Set<String> operations(Statement s) {
        Set<String> out = new LinkedHashSet<>();
        if (s.actions() == null) {
            return out;
        }
        for (String op : KmsActions.operations()) {
            if (s.notAction() != s.actions().matches(Action.kms(op))) {
                out.add(op);
            }
        }
        return out;
    }

    static boolean covers(Statement s, Action a) {
        return s.actions() != null && s.notAction() != s.actions().matches(a);
    }

    /** A short list for messages: the first few items and how many more. */
    static String sample(Set<String> items, int max) {
        List<String> l = new ArrayList<>(items);
        String head = String.join(", ", l.subList(0, Math.min(max, l.size())));
        return l.size() > max ? head + " and " + (l.size() - max) + " more" : head;
    }
}

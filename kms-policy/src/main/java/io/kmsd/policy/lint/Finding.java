package io.kmsd.policy.lint;

/**
 * One lint finding: the rule (with its id and severity), where it is — the statement reference of E20
 * ({@code keyPolicy#<Sid|[i]>}, null for the whole document) and the JSON pointer — what is wrong, and a suggested
 * fix (null when there is no obvious one).
 */
public record Finding(LintRule rule, String ref, String pointer, String message, String suggestion) {

    public Finding {
        if (rule == null || message == null) {
            throw new IllegalArgumentException("a finding needs a rule and a message");
        }
        pointer = pointer == null ? "" : pointer;
    }

    public Severity severity() {
        return rule.severity();
    }
}

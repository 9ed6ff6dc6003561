package io.kmsd.policy.lint;

/**
 * The linter's rules, with stable ids (the D4 separation-of-duties rules keep the spec's SOD ids) and their
 * severities, in the spirit of IAM Access Analyzer's policy checks.
 */
public enum LintRule {
    VALID_001("VALID-001", Severity.ERROR, "KMS rejects the policy"),
    SOD_001("SOD-001", Severity.ERROR, "a principal holds both administrative and usage actions"),
    SOD_002("SOD-002", Severity.WARNING, "kms:* granted to a principal other than the account"),
    SOD_003("SOD-003", Severity.WARNING, "Principal \"*\" without a condition limiting the callers"),
    SOD_004("SOD-004", Severity.INFO, "an administrator can grant itself use"),
    SOD_005("SOD-005", Severity.WARNING, "no principal can call PutKeyPolicy: lockout risk"),
    XACCT_001("XACCT-001", Severity.WARNING, "administrative actions granted to another account never work"),
    ACT_001("ACT-001", Severity.WARNING, "unknown KMS action"),
    ACT_002("ACT-002", Severity.WARNING, "action of another service in a key policy"),
    KEY_001("KEY-001", Severity.WARNING, "unknown condition key"),
    COND_001("COND-001", Severity.WARNING, "set operator on a single-valued key"),
    COND_002("COND-002", Severity.WARNING, "multivalued key without ForAllValues/ForAnyValue"),
    COND_003("COND-003", Severity.WARNING, "condition value that can never match"),
    PRIN_001("PRIN-001", Severity.ERROR, "NotPrincipal with Allow"),
    PRIN_002("PRIN-002", Severity.WARNING, "NotPrincipal in a Deny"),
    PRIN_003("PRIN-003", Severity.WARNING, "principal that never matches a KMS caller"),
    NEVER_001("NEVER-001", Severity.ERROR, "statement that can never apply"),
    NEVER_002("NEVER-002", Severity.WARNING, "resource that never matches the key"),
    NEVER_003("NEVER-003", Severity.WARNING, "key-policy allow of kms:RetireGrant has no effect"),
    SID_001("SID-001", Severity.WARNING, "duplicate Sid");

    private final String id;
    private final Severity severity;
    private final String title;

    LintRule(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }
}

package io.kmsd.policy.lint;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.principal.PrincipalEntry;
import java.util.List;

/**
 * A user or role and its identity policies, for {@code ./kms policy lint --with-identity}: the linter adds what
 * these policies grant on the key when the key policy delegates to the principal's account (E7b). {@code arn} is
 * the ARN a key policy names the principal by (a role's ARN, not a session's).
 */
public record LintIdentity(String arn, List<NamedPolicy> policies) {

    public LintIdentity {
        PrincipalEntry e = PrincipalEntry.parse("AWS", arn == null ? "" : arn);
        if (e.kind() != PrincipalEntry.Kind.USER && e.kind() != PrincipalEntry.Kind.ROLE) {
            throw new IllegalArgumentException("identity policies belong to a user or a role, not '" + arn + "'");
        }
        policies = List.copyOf(policies);
    }

    /** The 12-digit account the principal belongs to. */
    public String account() {
        return arn.split(":", 6)[4];
    }
}

package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.audit.Decision;
import io.kmsd.core.error.KmsError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The decision of an event, from the authorizer's decisions for its request. */
class DecisionsTest {
    static final AuthzDecision ALLOW_ALIAS = new AuthzDecision(AuthzDecision.Outcome.ALLOW, "", "alias allowed",
            List.of("identity:admin#[0]"));
    static final AuthzDecision ALLOW_KEY = new AuthzDecision(AuthzDecision.Outcome.ALLOW, "", "key allowed",
            List.of("keyPolicy#Admins", "identity:admin#[0]"));
    static final AuthzDecision DENY_KEY = new AuthzDecision(AuthzDecision.Outcome.EXPLICIT_DENY, "User: u is not "
            + "authorized", "explicit deny", List.of("keyPolicy#DenyAll"));

    @ParameterizedTest // key-policy-semantics E20: the reference forms
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "keyPolicy#AllowUse            | keyPolicy       | AllowUse",
        "keyPolicy#[2]                 | keyPolicy       | [2]",
        "identity:payments#Stmt1       | identity        | payments#Stmt1",
        "grant:0123abcd                | grant           | 0123abcd",
        "retire:grantee:0123abcd       | retire          | grantee:0123abcd",
        "identity:root-implicit        | identity        | root-implicit",
        "implicit                      | implicit        | -",
        "lockoutSafetyCheck            | lockoutSafetyCheck | -"})
    void aReferenceSplitsIntoSourceAndId(String text, String source, String id) {
        assertThat(Decisions.ref(text)).isEqualTo(new Decision.Ref(source, id));
    }

    @Test
    void theFirstDenialDecidesWithItsReferences() {
        Decision d = Decisions.of(List.of(ALLOW_ALIAS, DENY_KEY, ALLOW_KEY), Optional.of(KmsError.AccessDenied));
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY,
                List.of(new Decision.Ref("keyPolicy", "DenyAll")), "explicit deny"));
    }

    @Test
    void allAllowedIsTheUnionOfTheirReferencesAndReasons() {
        Decision d = Decisions.of(List.of(ALLOW_ALIAS, ALLOW_KEY), Optional.empty());
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOW);
        assertThat(d.deciding()).containsExactly(new Decision.Ref("identity", "admin#[0]"),
                new Decision.Ref("keyPolicy", "Admins"));
        assertThat(d.reason()).isEqualTo("alias allowed; key allowed");
    }

    @Test
    void aDenialWithoutExplanationGivesItsMessageAsReason() {
        AuthzDecision bare = new AuthzDecision(AuthzDecision.Outcome.IMPLICIT_DENY, "no policy allows it", "");
        assertThat(Decisions.of(List.of(bare), Optional.of(KmsError.AccessDenied)))
                .isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, List.of(), "no policy allows it"));
    }

    @Test
    void noDecisionIsNotEvaluated() {
        assertThat(Decisions.of(List.of(), Optional.of(KmsError.Validation)).outcome())
                .isEqualTo(Decision.Outcome.NOT_EVALUATED);
        assertThat(Decisions.of(List.of(), Optional.empty()).reason()).isEqualTo("no authorization step");
    }
}

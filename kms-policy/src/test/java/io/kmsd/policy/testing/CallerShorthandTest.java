package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Callers named by ARN alone (suites, {@code ./kms explain --principal}). */
class CallerShorthandTest {
    @Test
    void everyPrincipalFormBecomesACaller() {
        assertThat(CallerShorthand.of("arn:aws:iam::111122223333:user/ops/alice").toString())
                .isEqualTo("{\"arn\":\"arn:aws:iam::111122223333:user/ops/alice\",\"type\":\"User\",\"account\":\"111122223333\"}");
        assertThat(CallerShorthand.of("111122223333").get("arn").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(CallerShorthand.of("arn:aws:iam::111122223333:root").get("type").asText()).isEqualTo("Root");
        assertThat(CallerShorthand.of("arn:aws:sts::111122223333:federated-user/dana").get("type").asText())
                .isEqualTo("FederatedUser");
        assertThat(CallerShorthand.of("arn:aws:sts::111122223333:assumed-role/App/s1").get("type").asText())
                .isEqualTo("AssumedRole");
        assertThat(CallerShorthand.of("cloudtrail.amazonaws.com").get("type").asText()).isEqualTo("Service");
    }

    @Test
    void aRoleArnBecomesASessionOfThatRole() {
        var c = CallerShorthand.of("arn:aws:iam::111122223333:role/team/App");
        assertThat(c.get("arn").asText()).isEqualTo("arn:aws:sts::111122223333:assumed-role/App/session");
        assertThat(c.get("roleArn").asText()).isEqualTo("arn:aws:iam::111122223333:role/team/App");
    }

    @Test
    void malformedPrincipalsAreRejected() {
        assertThatThrownBy(() -> CallerShorthand.of("alice")).hasMessageContaining("'alice' is not a user");
        assertThatThrownBy(() -> CallerShorthand.of("arn:aws:sts::111122223333:assumed-role/App"))
                .hasMessageContaining("needs a session name");
        assertThatThrownBy(() -> CallerShorthand.of("arn:aws:sts::111122223333:federated-user/a/b"))
                .hasMessageContaining("not a federated-user ARN");
        assertThatThrownBy(() -> CallerShorthand.of("")).hasMessageContaining("needs a principal ARN");
        assertThatThrownBy(() -> CallerShorthand.of("arn:aws:iam::1111:user/x")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.kmsd.core.grant;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Grant ids, names and principals accept exactly their kms-api §2/§4.9 shapes. */
class GrantValuesTest {

    @Test
    void randomGrantIdsAre64LowercaseHexAndDistinct() {
        Set<GrantId> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            GrantId id = GrantId.random();
            assertThat(id.value()).matches("[0-9a-f]{64}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void grantIdBytesRoundTrip() {
        GrantId id = GrantId.random();
        assertThat(GrantId.ofBytes(id.bytes())).isEqualTo(id);
        assertThatThrownBy(() -> GrantId.ofBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
            " 123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void malformedGrantIdIsInvalidGrantId(String text) { // kms-api §4.9 ListGrants
        assertFails(() -> GrantId.parse(text), KmsError.InvalidGrantId, "Invalid GrantId '" + text + "'.");
        assertThatThrownBy(() -> new GrantId(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullGrantIdIsInvalidGrantId() {
        assertFails(() -> GrantId.parse(null), KmsError.InvalidGrantId, "Invalid GrantId ''.");
    }

    @Test
    void longMalformedGrantIdIsCutInTheMessage() {
        String text = "x".repeat(300);
        assertFails(() -> GrantId.parse(text), KmsError.InvalidGrantId, "Invalid GrantId '" + "x".repeat(128)
                + "...'.");
    }

    @Test
    void grantNamesOfOneTo256AllowedCharactersAreAccepted() {
        assertThat(GrantName.parse("a").value()).isEqualTo("a");
        assertThat(GrantName.parse("app:role/x_y-z09").value()).isEqualTo("app:role/x_y-z09");
        assertThat(GrantName.parse("n".repeat(256)).value()).hasSize(256);
    }

    @Test
    void grantNameOutsideItsShapeIsAValidationError() { // kms-api §5 grant name
        assertFails(() -> GrantName.parse(""), KmsError.Validation, "1 validation error detected: Value '' at "
                + "'name' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertFails(() -> GrantName.parse("n".repeat(257)), KmsError.Validation, "1 validation error detected: "
                + "Value '" + "n".repeat(128) + "...' at 'name' failed to satisfy constraint: Member must have "
                + "length less than or equal to 256");
        assertFails(() -> GrantName.parse("a b"), KmsError.Validation, "1 validation error detected: Value 'a b' "
                + "at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "^[a-zA-Z0-9:/_-]+$");
        assertThatThrownBy(() -> new GrantName("a.b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/payments/alice", "arn:aws:iam::444455556666:role/App",
            "arn:aws:sts::111122223333:assumed-role/App/session-1", "arn:aws:sts::111122223333:federated-user/bob",
            "arn:aws-cn:iam::111122223333:user/li"})
    void accountsUsersRolesAndSessionsOfAnyAccountCanBeGrantees(String principal) {
        assertThat(GrantPrincipal.parse(principal, "granteePrincipal").value()).isEqualTo(principal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms.amazonaws.com", "arn:aws:iam::111122223333:group/admins",
            "arn:aws:organizations::111122223333:organization/o-abc", "arn:aws:iam::11112222333:root",
            "arn:aws:iam::111122223333:policy/p", "arn:aws:sts::111122223333:assumed-role/App",
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "o-exampleorgid"})
    void servicePrincipalsGroupsAndOrganizationsAreRejected(String principal) { // kms-api §2 Principal, §4.9
        assertFails(() -> GrantPrincipal.parse(principal, "granteePrincipal"), KmsError.Validation, principal
                + " is not a valid granteePrincipal: name an account, an IAM user or role, a role session or a "
                + "federated user; service principals, groups and organizations cannot be named in a grant.");
        assertThatThrownBy(() -> new GrantPrincipal(principal)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void principalOutsideTheModelShapeIsAValidationErrorNamingTheField() {
        assertFails(() -> GrantPrincipal.parse("*", "retiringPrincipal"), KmsError.Validation,
                "1 validation error detected: Value '*' at 'retiringPrincipal' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[\\w+=,.@:/-]+$");
        String tooLong = "arn:aws:iam::111122223333:user/" + "u".repeat(226);
        assertFails(() -> GrantPrincipal.parse(tooLong, "granteePrincipal"), KmsError.Validation,
                "1 validation error detected: Value '" + tooLong.substring(0, 128) + "...' at 'granteePrincipal' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 256");
        assertFails(() -> GrantPrincipal.parse("", "granteePrincipal"), KmsError.Validation,
                "1 validation error detected: Value '' at 'granteePrincipal' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void aBareAccountIsRecognised() {
        assertThat(new GrantPrincipal("111122223333").isAccount()).isTrue();
        assertThat(new GrantPrincipal("arn:aws:iam::111122223333:root").isAccount()).isFalse();
    }
}

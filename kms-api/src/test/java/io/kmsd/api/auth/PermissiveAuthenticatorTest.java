package io.kmsd.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN "Configuration" auth.mode permissive: any key, no signature check, the account from the key id. */
class PermissiveAuthenticatorTest {
    static final AccountId DEFAULT = new AccountId("000000000000");
    static final PermissiveAuthenticator AUTH = new PermissiveAuthenticator(
            IdentitiesFile.parse(IdentitiesFileTest.FULL, "t"), DEFAULT, ServedRegions.all());

    static SignedRequest signedBy(String keyId, String region) {
        return SdkSigner.sign(new SdkSigner.Spec(keyId, "whatever", null, region, "kms", Instant.now()), "ListKeys", "{}");
    }

    @Test
    void aTwelveDigitKeyIdNamesItsAccount() {
        Authenticated who = AUTH.authenticate(signedBy("123456789012", "eu-west-1"));
        assertThat(who.principal().account().value()).isEqualTo("123456789012");
        assertThat(who.principal().arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(who.region().value()).isEqualTo("eu-west-1");
    }

    @Test
    void anyOtherUnknownKeyIsTheDefaultAccount() {
        assertThat(AUTH.authenticate(signedBy("AKIAANYTHING", "us-east-1")).principal().account()).isEqualTo(DEFAULT);
    }

    @Test
    void aKnownKeyActsAsItsPrincipalWithoutItsSecret() {
        Principal alice = AUTH.authenticate(signedBy("AKIAALICE00000000001", "us-east-1")).principal();
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::111122223333:user/payments/alice");
    }

    @Test
    void unsignedRequestsAreTheDefaultAccountInUsEast1() {
        SignedRequest unsigned = new SignedRequest("POST", "/", "", Map.of("X-Amz-Target", List.of("x")), new byte[0]);
        Authenticated who = AUTH.authenticate(unsigned);
        assertThat(who.principal().account()).isEqualTo(DEFAULT);
        assertThat(who.region().value()).isEqualTo("us-east-1");
    }

    @Test
    void theRegionMustStillBeServed() {
        PermissiveAuthenticator onlyEu = new PermissiveAuthenticator(IdentityStore.empty(), DEFAULT,
                ServedRegions.only(List.of("eu-west-1")));
        assertThatThrownBy(() -> onlyEu.authenticate(signedBy("123456789012", "us-east-1")))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.error()).isEqualTo(KmsError.InvalidSignature));
    }
}

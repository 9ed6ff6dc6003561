package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * {@code kms.grants.propagationDelay} (key-policy-semantics E15): a new grant is invisible without its token
 * even on the node that made it, as AWS's eventual consistency would have it; its token works at once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkGrantPropagationTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app(
            ConfigOverride.config("kms.grants.propagationDelay", "10 minutes"));
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");

    @Test
    void aNewGrantCountsOnlyThroughItsTokenUntilItPropagates() {
        try (KmsClient alice = TestServer.client(APP, TestServer.alice());
             KmsClient gina = TestServer.client(APP, TestServer.user("gina"))) {
            KeyMetadata key = alice.createKey(r -> { }).keyMetadata();
            CreateGrantResponse g = alice.createGrant(r -> r.keyId(key.arn())
                    .granteePrincipal("arn:aws:iam::111122223333:user/gina").operations(GrantOperation.ENCRYPT));
            failsWith("AccessDeniedException", null, () -> gina.encrypt(r -> r.keyId(key.arn()).plaintext(HELLO)));
            assertThat(gina.encrypt(r -> r.keyId(key.arn()).plaintext(HELLO).grantTokens(g.grantToken())).keyId())
                    .isEqualTo(key.arn());
            assertThat(alice.listGrants(r -> r.keyId(key.arn())).grants()).hasSize(1);
        }
    }
}

package io.kmsd.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.key.KeyArn;
import org.junit.jupiter.api.Test;

/** Wrapped material is bound to its key ARN and version, and to its material id. */
class MaterialVaultTest {
    private final KeyArn arn = TestKeys.newArn();

    @Test
    void unwrapsWhatItWrapped() {
        MaterialVault.Generated g = TestKeys.VAULT.generate(arn, 1);
        KeyMaterial m = TestKeys.VAULT.unwrap(arn, 1, g.material().materialId(), g.wrapped());
        assertThat(m.materialId()).isEqualTo(g.material().materialId()).matches("[0-9a-f]{64}");
        assertThat(m.key().getEncoded()).isEqualTo(g.material().key().getEncoded());
    }

    @Test
    void materialOfAnotherKeyOrVersionDoesNotUnwrap() {
        MaterialVault.Generated g = TestKeys.VAULT.generate(arn, 1);
        String id = g.material().materialId();
        assertThatThrownBy(() -> TestKeys.VAULT.unwrap(TestKeys.newArn(), 1, id, g.wrapped()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestKeys.VAULT.unwrap(arn, 2, id, g.wrapped()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongStoredMaterialIdIsDetected() {
        MaterialVault.Generated g = TestKeys.VAULT.generate(arn, 1);
        String otherId = TestKeys.VAULT.generate(arn, 1).material().materialId();
        assertThatThrownBy(() -> TestKeys.VAULT.unwrap(arn, 1, otherId, g.wrapped()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match");
    }

    @Test
    void materialIdDependsOnTheServerSecret() {
        MaterialVault.Generated g = TestKeys.VAULT.generate(arn, 1);
        MaterialVault otherServer = new MaterialVault(new TestKeys.InMemoryRoot(SecureRandoms.bytes(32)));
        // the same material under another server secret would get another id, so ids reveal nothing
        assertThat(otherServer.generate(arn, 1).material().materialId()).isNotEqualTo(g.material().materialId());
    }

    @Test
    void materialNeverPrintsItsBytes() {
        KeyMaterial m = TestKeys.VAULT.generate(arn, 1).material();
        assertThat(m.toString()).isEqualTo("KeyMaterial[" + arn.keyId() + " v1 " + m.materialId() + "]");
    }
}

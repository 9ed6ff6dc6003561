package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Fixture fixture = new Fixture("alias/bench", "hello".getBytes(StandardCharsets.UTF_8),
            new byte[] {1, 2, 3});

    @Test
    void parsesCommaListsAndRepeatsInOrderWithoutDuplicates() {
        assertThat(Operation.parseAll(List.of("Ping,encrypt", "Decrypt", "Encrypt")))
                .containsExactly(Operation.PING, Operation.ENCRYPT, Operation.DECRYPT);
    }

    @Test
    void unknownOperationIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> Operation.parseAll(List.of("Encrypt,Verify")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Verify'")
                .hasMessageContaining("Ping|Encrypt|Decrypt").hasMessageContaining("|Sign");
    }

    @Test
    void emptyListIsRefused() {
        assertThatThrownBy(() -> Operation.parseAll(List.of(" , "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodiesUseTheModelMemberNames() throws Exception {
        assertThat(body(Operation.ENCRYPT)).isEqualTo("{\"KeyId\":\"alias/bench\",\"Plaintext\":\"aGVsbG8=\"}");
        assertThat(body(Operation.DECRYPT)).isEqualTo("{\"CiphertextBlob\":\"AQID\"}");
        assertThat(body(Operation.RE_ENCRYPT)).isEqualTo("{\"CiphertextBlob\":\"AQID\",\"DestinationKeyId\":\"alias/bench\"}");
        assertThat(body(Operation.GENERATE_DATA_KEY)).isEqualTo("{\"KeyId\":\"alias/bench\",\"KeySpec\":\"AES_256\"}");
        assertThat(body(Operation.GENERATE_RANDOM)).isEqualTo("{\"NumberOfBytes\":5}");
        assertThat(RequestTemplate.of(Operation.PING, fixture, json).body()).isEmpty();
    }

    @Test
    void signSendsThePayloadWithTheSigningKeyAndItsAlgorithm() throws Exception { // kms-api §4.6
        Fixture signing = fixture.withSigner(new Fixture.Signer("arn:sign", "ECDSA_SHA_256"));
        assertThat(new String(RequestTemplate.of(Operation.SIGN, signing, json).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"KeyId\":\"arn:sign\",\"Message\":\"aGVsbG8=\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}");
        assertThat(Operation.SIGN.needsSigningKey()).isTrue();
        assertThat(Operation.SIGN.needsKey()).as("Sign does not use the symmetric key").isFalse();
        assertThatThrownBy(() -> RequestTemplate.of(Operation.SIGN, fixture, json))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no signing key");
    }

    @Test
    void decryptWithoutAPreparedCiphertextFails() {
        Fixture noBlob = new Fixture("k", new byte[] {1}, null);
        assertThatThrownBy(() -> RequestTemplate.of(Operation.DECRYPT, noBlob, json))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fixtureNeverPrintsThePlaintext() {
        assertThat(fixture.toString()).contains("5 bytes").doesNotContain("hello").doesNotContain("aGVsbG8");
    }

    private String body(Operation op) {
        return new String(RequestTemplate.of(op, fixture, json).body(), StandardCharsets.UTF_8);
    }
}

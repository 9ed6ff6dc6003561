package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Issue 5 acceptance: no audit event holds a plaintext, a data key or a ciphertext. Every payload the test sends
 * or receives — plaintexts, data keys, random bytes, ciphertexts, in successful, failed and denied requests — is
 * searched for in every file of the trail, raw and in base64 (standard, URL-safe, unpadded) and hex.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoSecretsInTrailTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final SecureRandom RANDOM = new SecureRandom();
    static final Map<String, String> CONTEXT = Map.of("tenant", "context-value-in-the-trail");

    private final List<byte[]> secrets = new ArrayList<>();

    @Test
    void noPayloadSentOrReceivedReachesTheTrail() {
        try (KmsClient alice = TestServer.client(APP, TestServer.alice());
             KmsClient bob = TestServer.client(APP, TestServer.bob())) {
            String key = alice.createKey(r -> r.description("scan")).keyMetadata().arn();
            String other = alice.createKey(r -> r.description("scan 2")).keyMetadata().arn();
            AsymmetricKeys asymmetric = new AsymmetricKeys(alice);
            for (int i = 0; i < 3; i++) {
                successfulPayloads(alice, key, other);
                failedPayloads(alice, bob, key);
                asymmetricPayloads(alice, bob, key, asymmetric);
            }
        }
        List<byte[]> files = Trail.of(APP).fileContents();
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(39 + 3 * 12);
        assertThat(found(files, "context-value-in-the-trail".getBytes(StandardCharsets.UTF_8)))
                .as("the scan finds what is in the trail").isTrue();
        for (byte[] secret : secrets) {
            for (byte[] form : forms(secret)) {
                assertThat(found(files, form)).as("a %d-byte payload appears in the trail as %s", secret.length,
                        new String(form, StandardCharsets.ISO_8859_1)).isFalse();
            }
        }
    }

    private void successfulPayloads(KmsClient kms, String key, String other) {
        byte[] plaintext = secret(random(48));
        byte[] textPlaintext = secret(("top secret " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        SdkBytes blob = kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(CONTEXT)).ciphertextBlob();
        secret(blob.asByteArray());
        secret(kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(textPlaintext))).ciphertextBlob()
                .asByteArray());
        secret(kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(CONTEXT)).plaintext().asByteArray());
        secret(kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(CONTEXT).destinationKeyId(other))
                .ciphertextBlob().asByteArray());
        var dataKey = kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256));
        secret(dataKey.plaintext().asByteArray());
        secret(dataKey.ciphertextBlob().asByteArray());
        secret(kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key).numberOfBytes(32)).ciphertextBlob()
                .asByteArray());
        secret(kms.generateRandom(r -> r.numberOfBytes(32)).plaintext().asByteArray());
    }

    /** Payloads in requests that fail: DryRun, wrong context, denied cross-account, too large. */
    private void failedPayloads(KmsClient alice, KmsClient bob, String key) {
        SdkBytes plaintext = SdkBytes.fromByteArray(secret(random(40)));
        catchThrowable(() -> alice.encrypt(r -> r.keyId(key).plaintext(plaintext).dryRun(true)));
        SdkBytes blob = alice.encrypt(r -> r.keyId(key).plaintext(plaintext)).ciphertextBlob();
        secret(blob.asByteArray());
        catchThrowable(() -> alice.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("wrong", "ctx"))));
        catchThrowable(() -> bob.encrypt(r -> r.keyId(key).plaintext(plaintext)));
        catchThrowable(() -> bob.decrypt(r -> r.ciphertextBlob(blob)));
        SdkBytes tooLarge = SdkBytes.fromByteArray(secret(random(5000)));
        catchThrowable(() -> alice.encrypt(r -> r.keyId(key).plaintext(tooLarge)));
    }

    /** The keys of the issue-7 operations: signing, HMAC and key agreement. */
    record AsymmetricKeys(String signing, String hmac, String agreement) {
        AsymmetricKeys(KmsClient kms) {
            this(create(kms, "ECC_NIST_P256", KeyUsageType.SIGN_VERIFY),
                    create(kms, "HMAC_384", KeyUsageType.GENERATE_VERIFY_MAC),
                    create(kms, "ECC_NIST_P256", KeyUsageType.KEY_AGREEMENT));
        }

        private static String create(KmsClient kms, String spec, KeyUsageType usage) {
            return kms.createKey(r -> r.keySpec(spec).keyUsage(usage)).keyMetadata().arn();
        }
    }

    /** Issue 7: messages, signatures, MACs, public and private keys, shared secrets; succeeding and failing. */
    private void asymmetricPayloads(KmsClient alice, KmsClient bob, String symmetric, AsymmetricKeys keys) {
        SdkBytes message = SdkBytes.fromByteArray(secret(random(64)));
        SdkBytes signature = SdkBytes.fromByteArray(secret(alice.sign(r -> r.keyId(keys.signing()).message(message)
                .signingAlgorithm("ECDSA_SHA_256")).signature().asByteArray()));
        alice.verify(r -> r.keyId(keys.signing()).message(message).signature(signature)
                .signingAlgorithm("ECDSA_SHA_256"));
        SdkBytes badSignature = SdkBytes.fromByteArray(secret(random(71)));
        catchThrowable(() -> alice.verify(r -> r.keyId(keys.signing()).message(message).signature(badSignature)
                .signingAlgorithm("ECDSA_SHA_256")));
        catchThrowable(() -> bob.sign(r -> r.keyId(keys.signing()).message(message).signingAlgorithm("ECDSA_SHA_256")));
        secret(alice.getPublicKey(r -> r.keyId(keys.signing())).publicKey().asByteArray());
        SdkBytes mac = SdkBytes.fromByteArray(secret(alice.generateMac(r -> r.keyId(keys.hmac()).message(message)
                .macAlgorithm("HMAC_SHA_384")).mac().asByteArray()));
        alice.verifyMac(r -> r.keyId(keys.hmac()).message(message).mac(mac).macAlgorithm("HMAC_SHA_384"));
        SdkBytes badMac = SdkBytes.fromByteArray(secret(random(48)));
        catchThrowable(() -> alice.verifyMac(r -> r.keyId(keys.hmac()).message(message).mac(badMac)
                .macAlgorithm("HMAC_SHA_384")));
        SdkBytes peer = SdkBytes.fromByteArray(secret(alice.getPublicKey(r -> r.keyId(keys.agreement())).publicKey()
                .asByteArray()));
        secret(alice.deriveSharedSecret(r -> r.keyId(keys.agreement()).keyAgreementAlgorithm("ECDH").publicKey(peer))
                .sharedSecret().asByteArray());
        var pair = alice.generateDataKeyPair(r -> r.keyId(symmetric).keyPairSpec("ECC_NIST_P256"));
        secret(pair.privateKeyPlaintext().asByteArray());
        secret(pair.privateKeyCiphertextBlob().asByteArray());
        secret(pair.publicKey().asByteArray());
        secret(alice.generateDataKeyPairWithoutPlaintext(r -> r.keyId(symmetric).keyPairSpec("ECC_NIST_P256"))
                .privateKeyCiphertextBlob().asByteArray());
    }

    private byte[] secret(byte[] bytes) {
        secrets.add(bytes.clone());
        return bytes;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The forms a payload could take in a JSON file: raw, base64 (three alphabets/paddings), hex. */
    static List<byte[]> forms(byte[] secret) {
        List<String> texts = List.of(Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                Base64.getEncoder().withoutPadding().encodeToString(secret),
                HexFormat.of().formatHex(secret), HexFormat.of().withUpperCase().formatHex(secret));
        List<byte[]> forms = new ArrayList<>();
        forms.add(secret);
        texts.forEach(t -> forms.add(t.getBytes(StandardCharsets.US_ASCII)));
        return forms;
    }

    static boolean found(List<byte[]> files, byte[] needle) {
        return files.stream().anyMatch(f -> indexOf(f, needle) >= 0);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

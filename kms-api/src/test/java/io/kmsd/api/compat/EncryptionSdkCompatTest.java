package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.ParsedCiphertext;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.amazonaws.encryptionsdk.model.KeyBlob;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AwsCryptographicMaterialProvidersException;
import software.amazon.cryptography.materialproviders.model.CollectionOfErrors;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * The AWS Encryption SDK for Java 3.x (with the Material Providers Library's AWS KMS keyring) works unchanged
 * against the server: envelope encryption through GenerateDataKey and Decrypt, with an encryption context.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EncryptionSdkCompatTest {
    private static final CompatApp APP = CompatApp.create("esdk");
    static final DropwizardAppExtension<KmsConfiguration> SERVER = APP.extension();
    private static final Map<String, String> CONTEXT = Map.of("purpose", "esdk-compat", "tenant", "acme");
    private static final byte[] DATA = "the quick brown fox, enveloped".getBytes(StandardCharsets.UTF_8);
    private static final AwsCrypto CRYPTO = AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();

    private static KmsClient kms;
    private static String keyArn;
    private static String otherKeyArn;

    @BeforeAll
    static void createKeys() {
        kms = CompatFixtures.kmsClient(APP.url(), APP.accessKey());
        keyArn = kms.createKey(r -> r.description("esdk compat")).keyMetadata().arn();
        otherKeyArn = kms.createKey(r -> r.description("esdk compat, other")).keyMetadata().arn();
    }

    @AfterAll
    static void closeClient() {
        kms.close();
    }

    private static IKeyring keyring(String arn) {
        MaterialProviders mpl = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
        return mpl.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder().kmsKeyId(arn).kmsClient(kms).build());
    }

    private static byte[] encrypt() {
        return CRYPTO.encryptData(keyring(keyArn), DATA, CONTEXT).getResult();
    }

    @Test
    void roundTripsWithEncryptionContext() {
        byte[] message = encrypt();
        CryptoResult<byte[], ?> decrypted = CRYPTO.decryptData(keyring(keyArn), message, CONTEXT);
        assertThat(decrypted.getResult()).isEqualTo(DATA);
        assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
    }

    @Test
    void roundTripsAMultiFrameMessage() {
        byte[] large = CompatFixtures.randomBytes(100 * 1024); // 25 frames of the default 4 KiB
        byte[] message = CRYPTO.encryptData(keyring(keyArn), large, CONTEXT).getResult();
        assertThat(CRYPTO.decryptData(keyring(keyArn), message, CONTEXT).getResult()).isEqualTo(large);
    }

    @Test
    void messageNamesTheKeyArnThatWrappedItsDataKey() {
        ParsedCiphertext parsed = new ParsedCiphertext(encrypt());
        assertThat(parsed.getEncryptedKeyBlobs()).hasSize(1);
        KeyBlob edk = parsed.getEncryptedKeyBlobs().get(0);
        assertThat(edk.getProviderId()).isEqualTo("aws-kms");
        assertThat(new String(edk.getProviderInformation(), StandardCharsets.UTF_8)).isEqualTo(keyArn);
    }

    @Test
    void tamperedMessageFailsToDecrypt() {
        byte[] message = encrypt();
        message[message.length - 40] ^= 0x01; // inside the ECDSA P-384 footer of the default committing suite
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(keyArn), message, CONTEXT))
                .isInstanceOf(BadCiphertextException.class).hasMessageContaining("signature");
    }

    @Test
    void tamperedFrameFailsToDecrypt() {
        byte[] large = CompatFixtures.randomBytes(20 * 1024);
        byte[] message = CRYPTO.encryptData(keyring(keyArn), large, CONTEXT).getResult();
        message[message.length / 2] ^= 0x01;
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(keyArn), message, CONTEXT))
                .isInstanceOf(BadCiphertextException.class);
    }

    @Test
    void truncatedMessageFailsToDecrypt() {
        byte[] message = encrypt();
        byte[] cut = Arrays.copyOf(message, message.length - 1);
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(keyArn), cut, CONTEXT))
                .isInstanceOf(BadCiphertextException.class);
    }

    @Test
    void tamperedEncryptedDataKeyIsRefusedByTheServer() {
        byte[] message = encrypt();
        ParsedCiphertext parsed = new ParsedCiphertext(message);
        byte[] edk = parsed.getEncryptedKeyBlobs().get(0).getEncryptedDataKey();
        int at = indexOf(message, edk) + edk.length / 2;
        message[at] ^= 0x01;
        assertThat(kmsErrorsOf(() -> CRYPTO.decryptData(keyring(keyArn), message, CONTEXT)))
                .singleElement().isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void keyringForAnotherKeyCannotDecrypt() {
        byte[] message = encrypt();
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(otherKeyArn), message, CONTEXT))
                .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
                .hasMessageContaining("No Encrypted Data Keys found to match");
    }

    @Test
    void wrongExpectedContextFails() {
        byte[] message = encrypt();
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(keyArn), message, Map.of("purpose", "other")))
                .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
                .hasMessageContaining("Encryption context does not match");
    }

    @Test
    void disabledKeyCannotUnwrapTheDataKey() {
        String arn = kms.createKey(r -> r.description("esdk compat, to disable")).keyMetadata().arn();
        byte[] message = CRYPTO.encryptData(keyring(arn), DATA, CONTEXT).getResult();
        kms.disableKey(r -> r.keyId(arn));
        assertThat(kmsErrorsOf(() -> CRYPTO.decryptData(keyring(arn), message, CONTEXT))).singleElement()
                .isInstanceOf(DisabledException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(arn + " is disabled."));
    }

    /** The keyring's failure is a collection of what each KMS call threw; returns those (kms-api error shapes). */
    private static List<RuntimeException> kmsErrorsOf(ThrowingCallable decrypt) {
        Throwable thrown = catchThrowable(decrypt);
        assertThat(thrown).isInstanceOf(CollectionOfErrors.class);
        return ((CollectionOfErrors) thrown).list();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("encrypted data key not found in the message");
    }
}

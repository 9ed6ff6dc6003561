package io.kmsd.core;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.asymmetric.KeyAgreementAlgorithm;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import java.util.List;
import java.util.Optional;

/**
 * What kms-api calls on core. Callers have already authorized the request; core checks the key state
 * (through {@link io.kmsd.core.key.KeyStateTable}), the key's usage and spec, and limits. Every failure with
 * an AWS error shape is a {@link io.kmsd.core.error.KmsException}. Every change is durable when the method
 * returns.
 */
public interface KeyService {

    /**
     * Resolves a KeyRef (kms-api §2): key id, key ARN, alias name or alias ARN. Alias names and bare key
     * ids resolve in the caller's account and {@code region}. {@code aliasAllowed} is false for operations
     * that take a key id or ARN only.
     */
    ResolvedKey resolve(String keyRef, AccountId caller, Region region, boolean aliasAllowed);

    /** Everything the authorizer needs; NotFound {@code Key '<arn>' does not exist} if unknown or deleted. */
    KeyFacts facts(KeyArn arn);

    /** The key named in a symmetric ciphertext blob, in {@code region}; empty if unparsable or unknown. */
    Optional<KeyArn> keyOfCiphertext(byte[] blob, Region region);

    // ---- lifecycle (kms-api §4.1)

    KeyMetadata createKey(NewKey request);

    KeyMetadata describe(KeyArn arn);

    /** Keys of the account in the Region, in every state but deleted; {@code marker} null for the first page. */
    Page<KeyArn> listKeys(AccountId account, Region region, int limit, String marker);

    void enable(KeyArn arn);

    void disable(KeyArn arn);

    void updateDescription(KeyArn arn, String description);

    /** Returns the metadata including the deletion date. */
    KeyMetadata scheduleDeletion(KeyArn arn, int pendingWindowDays);

    KeyMetadata cancelDeletion(KeyArn arn);

    // ---- key policy (stored exactly as given)

    void putPolicy(KeyArn arn, String policyText);

    String policy(KeyArn arn);

    // ---- aliases (kms-api §4.2)

    void createAlias(AliasArn alias, KeyArn target);

    void updateAlias(AliasArn alias, KeyArn target);

    void deleteAlias(AliasArn alias);

    Page<AliasEntry> listAliases(AccountId account, Region region, Optional<KeyArn> key, int limit, String marker);

    Optional<KeyArn> aliasTarget(AliasArn alias);

    // ---- tags (kms-api §4.3)

    void tag(KeyArn arn, List<Tag> tags);

    void untag(KeyArn arn, List<String> tagKeys);

    Page<Tag> listTags(KeyArn arn, int limit, String marker);

    // ---- symmetric crypto (kms-api §3.5, §4.4, §4.5)

    /** Symmetric Encrypt with SYMMETRIC_DEFAULT (kms-api §4.4). */
    default Encrypted encrypt(KeyArn key, Plaintext plaintext, EncryptionContext context) {
        return encrypt(key, plaintext, context, null);
    }

    /**
     * kms-api §4.4 Encrypt. {@code encryptionAlgorithm}: a §3.2 algorithm name, null when not given (means
     * SYMMETRIC_DEFAULT). Symmetric keys take only SYMMETRIC_DEFAULT; asymmetric keys need one of their own
     * (else {@code InvalidKeyUsageException "Algorithm <ALG> is incompatible with key spec <SPEC>."}). Asymmetric
     * results carry a raw OAEP/SM2 ciphertext and no material id; a non-empty context with them → Validation.
     */
    Encrypted encrypt(KeyArn key, Plaintext plaintext, EncryptionContext context, String encryptionAlgorithm);

    default Decrypted decrypt(KeyArn key, byte[] ciphertextBlob, EncryptionContext context) {
        return decrypt(key, ciphertextBlob, context, null);
    }

    /** kms-api §4.4 Decrypt, with the algorithm rules of {@link #encrypt(KeyArn, Plaintext, EncryptionContext, String)}. */
    Decrypted decrypt(KeyArn key, byte[] ciphertextBlob, EncryptionContext context, String encryptionAlgorithm);

    /**
     * kms-api §4.5 GenerateDataKeyPair(WithoutPlaintext): {@code key} must be a symmetric ENCRYPT_DECRYPT key
     * (else InvalidKeyUsage); a spec that is no DataKeyPairSpec (or SM2 without allowSm2) → UnsupportedOperation.
     */
    GeneratedKeyPair generateDataKeyPair(KeyArn key, KeySpec keyPairSpec, EncryptionContext context);

    // ---- signing, MAC, key agreement (kms-api §4.6); wrong usage → InvalidKeyUsage with the §4.0 message

    byte[] sign(KeyArn key, byte[] message, MessageType messageType, SigningAlgorithm algorithm);

    /** Returns normally if valid; else {@code KMSInvalidSignatureException} with an empty message. */
    void verify(KeyArn key, byte[] message, MessageType messageType, byte[] signature, SigningAlgorithm algorithm);

    /** Asymmetric keys of any usage; symmetric and HMAC keys → UnsupportedOperation. */
    PublicKeyInfo publicKey(KeyArn key);

    byte[] generateMac(KeyArn key, byte[] message, MacAlgorithm algorithm);

    /** Returns normally if valid; else {@code KMSInvalidMacException} with an empty message. */
    void verifyMac(KeyArn key, byte[] message, byte[] mac, MacAlgorithm algorithm);

    Plaintext deriveSharedSecret(KeyArn key, KeyAgreementAlgorithm algorithm, byte[] peerPublicKey);

    DataKey generateDataKey(KeyArn key, int numberOfBytes, EncryptionContext context);

    Plaintext generateRandom(int numberOfBytes);

    // ---- deletion job

    /**
     * Deletes every key whose deletion date has passed (by the injected Clock); returns the ARNs of the keys this
     * call deleted (a key another node deleted first is not in the list), in deletion order.
     */
    List<KeyArn> purgeExpiredKeys();

    /** {@link #purgeExpiredKeys()}, counted. */
    default int purgeExpiredDeletions() {
        return purgeExpiredKeys().size();
    }

    // ---- rotation (kms-api §4.7); only symmetric AWS_KMS keys rotate, others → UnsupportedOperation

    /** {@code rotationPeriodInDays} 90-2560, null → 365; on an enabled key it changes the period. */
    void enableKeyRotation(KeyArn key, Integer rotationPeriodInDays);

    void disableKeyRotation(KeyArn key);

    /** Asymmetric/HMAC keys and keys pending deletion report {@code false}. */
    RotationStatus rotationStatus(KeyArn key);

    /** New material becomes current at once; 25 per key, then LimitExceeded with the spec's message. */
    void rotateOnDemand(KeyArn key);

    /** {@code allKeyMaterial}: ALL_KEY_MATERIAL instead of ROTATIONS_ONLY; {@code marker} null for the first page. */
    Page<KeyRotation> listRotations(KeyArn key, boolean allKeyMaterial, int limit, String marker);

    /** The rotation job step: rotates every Enabled key whose period has passed (injected Clock); returns how many. */
    int rotateDue();

    // ---- imported key material (kms-api §4.10); only EXTERNAL keys, else UnsupportedOperation with the spec's message

    /** A fresh wrapping key pair and its token, valid 24 h; the §4.10 algorithm/spec rules → Validation. */
    ImportParameters parametersForImport(KeyArn key, WrappingAlgorithm algorithm, WrappingKeySpec wrappingKeySpec);

    /**
     * Unwraps and binds the material; the first import enables a PendingImport key. Bad token →
     * InvalidImportToken, expired → ExpiredImportToken, unwrap failure → InvalidCiphertext, wrong size/format or
     * other material than the one bound before → IncorrectKeyMaterial.
     */
    ImportedMaterial importKeyMaterial(KeyArn key, MaterialImport request);

    /** Deletes the material ({@code keyMaterialId} null: the current one); key → PendingImport. */
    ImportedMaterial deleteImportedKeyMaterial(KeyArn key, String keyMaterialId);

    /** The expiry job step: deletes imported material past its ValidTo (injected Clock); returns how many. */
    int expireImportedMaterial();
}

package io.kmsd.core.lifecycle;

import io.kmsd.core.AliasEntry;
import io.kmsd.core.DataKey;
import io.kmsd.core.Decrypted;
import io.kmsd.core.Encrypted;
import io.kmsd.core.GeneratedKeyPair;
import io.kmsd.core.ImportParameters;
import io.kmsd.core.ImportedMaterial;
import io.kmsd.core.KeyRotation;
import io.kmsd.core.MaterialImport;
import io.kmsd.core.crypto.asymmetric.WrappingAlgorithm;
import io.kmsd.core.crypto.asymmetric.WrappingKeySpec;
import io.kmsd.core.RotationStatus;
import io.kmsd.core.PublicKeyInfo;
import io.kmsd.core.crypto.asymmetric.KeyAgreementAlgorithm;
import io.kmsd.core.crypto.asymmetric.MacAlgorithm;
import io.kmsd.core.crypto.asymmetric.MessageType;
import io.kmsd.core.crypto.asymmetric.SigningAlgorithm;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.KeyService;
import io.kmsd.core.NewKey;
import io.kmsd.core.Page;
import io.kmsd.core.ResolvedKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.crypto.Plaintext;
import io.kmsd.core.crypto.SymmetricCiphertext;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link KeyService}: a thin facade over the operation classes of this package. */
public final class DefaultKeyService implements KeyService {
    private final KeyCache cache;
    private final Resolver resolver;
    private final KeyLifecycle lifecycle;
    private final AliasOps aliases;
    private final TagOps tags;
    private final CryptoOps crypto;
    private final AsymmetricOps asymmetric;
    private final RotationOps rotation;
    private final ImportOps imports;

    public DefaultKeyService(KeyStore store, MaterialVault vault, Clock clock, Duration refreshInterval,
                             boolean requireDisabledBeforeDeletion) {
        this(store, vault, clock, refreshInterval, requireDisabledBeforeDeletion, false);
    }

    /** {@code allowSm2}: whether CreateKey accepts KeySpec SM2 (kms-api §3.2, CoreConfig). */
    public DefaultKeyService(KeyStore store, MaterialVault vault, Clock clock, Duration refreshInterval,
                             boolean requireDisabledBeforeDeletion, boolean allowSm2) {
        this.cache = new KeyCache(store, vault, clock, refreshInterval);
        this.resolver = new Resolver(cache);
        this.lifecycle = new KeyLifecycle(store, cache, vault, clock, requireDisabledBeforeDeletion, allowSm2);
        this.aliases = new AliasOps(store, cache, clock);
        this.tags = new TagOps(store, cache);
        this.crypto = new CryptoOps(cache, allowSm2);
        this.asymmetric = new AsymmetricOps(cache);
        this.rotation = new RotationOps(store, cache, lifecycle, clock);
        this.imports = new ImportOps(store, cache, vault, clock, allowSm2);
    }

    @Override
    public ResolvedKey resolve(String keyRef, AccountId caller, Region region, boolean aliasAllowed) {
        return resolver.resolve(keyRef, Objects.requireNonNull(caller), Objects.requireNonNull(region), aliasAllowed);
    }

    @Override
    public KeyFacts facts(KeyArn arn) {
        return cache.get(arn).facts();
    }

    @Override
    public Optional<KeyArn> keyOfCiphertext(byte[] blob, Region region) {
        return SymmetricCiphertext.keyIdOf(blob).flatMap(id -> cache.keyById(region, id));
    }

    @Override
    public KeyMetadata createKey(NewKey request) {
        return lifecycle.create(request);
    }

    @Override
    public KeyMetadata describe(KeyArn arn) {
        return lifecycle.describe(arn);
    }

    @Override
    public Page<KeyArn> listKeys(AccountId account, Region region, int limit, String marker) {
        return lifecycle.list(account, region, limit, marker);
    }

    @Override
    public void enable(KeyArn arn) {
        lifecycle.enable(arn);
    }

    @Override
    public void disable(KeyArn arn) {
        lifecycle.disable(arn);
    }

    @Override
    public void updateDescription(KeyArn arn, String description) {
        lifecycle.updateDescription(arn, description);
    }

    @Override
    public KeyMetadata scheduleDeletion(KeyArn arn, int pendingWindowDays) {
        return lifecycle.scheduleDeletion(arn, pendingWindowDays);
    }

    @Override
    public KeyMetadata cancelDeletion(KeyArn arn) {
        return lifecycle.cancelDeletion(arn);
    }

    @Override
    public void putPolicy(KeyArn arn, String policyText) {
        lifecycle.putPolicy(arn, policyText);
    }

    @Override
    public String policy(KeyArn arn) {
        return lifecycle.policy(arn);
    }

    @Override
    public void createAlias(AliasArn alias, KeyArn target) {
        aliases.create(alias, target);
    }

    @Override
    public void updateAlias(AliasArn alias, KeyArn target) {
        aliases.update(alias, target);
    }

    @Override
    public void deleteAlias(AliasArn alias) {
        aliases.delete(alias);
    }

    @Override
    public Page<AliasEntry> listAliases(AccountId account, Region region, Optional<KeyArn> key, int limit,
                                        String marker) {
        return aliases.list(account, region, key, limit, marker);
    }

    @Override
    public Optional<KeyArn> aliasTarget(AliasArn alias) {
        return aliases.target(alias);
    }

    @Override
    public void tag(KeyArn arn, List<Tag> newTags) {
        tags.tag(arn, newTags);
    }

    @Override
    public void untag(KeyArn arn, List<String> tagKeys) {
        tags.untag(arn, tagKeys);
    }

    @Override
    public Page<Tag> listTags(KeyArn arn, int limit, String marker) {
        return tags.list(arn, limit, marker);
    }

    @Override
    public Encrypted encrypt(KeyArn key, Plaintext plaintext, EncryptionContext context, String algorithm) {
        return crypto.encrypt(key, plaintext, context, algorithm);
    }

    @Override
    public Decrypted decrypt(KeyArn key, byte[] ciphertextBlob, EncryptionContext context, String algorithm) {
        return crypto.decrypt(key, ciphertextBlob, context, algorithm);
    }

    @Override
    public GeneratedKeyPair generateDataKeyPair(KeyArn key, KeySpec keyPairSpec, EncryptionContext context) {
        return crypto.generateDataKeyPair(key, keyPairSpec, context);
    }

    @Override
    public byte[] sign(KeyArn key, byte[] message, MessageType type, SigningAlgorithm algorithm) {
        return asymmetric.sign(key, message, type, algorithm);
    }

    @Override
    public void verify(KeyArn key, byte[] message, MessageType type, byte[] signature, SigningAlgorithm algorithm) {
        asymmetric.verify(key, message, type, signature, algorithm);
    }

    @Override
    public PublicKeyInfo publicKey(KeyArn key) {
        return asymmetric.publicKey(key);
    }

    @Override
    public byte[] generateMac(KeyArn key, byte[] message, MacAlgorithm algorithm) {
        return asymmetric.generateMac(key, message, algorithm);
    }

    @Override
    public void verifyMac(KeyArn key, byte[] message, byte[] mac, MacAlgorithm algorithm) {
        asymmetric.verifyMac(key, message, mac, algorithm);
    }

    @Override
    public Plaintext deriveSharedSecret(KeyArn key, KeyAgreementAlgorithm algorithm, byte[] peerPublicKey) {
        return asymmetric.deriveSharedSecret(key, algorithm, peerPublicKey);
    }

    @Override
    public DataKey generateDataKey(KeyArn key, int numberOfBytes, EncryptionContext context) {
        return crypto.generateDataKey(key, numberOfBytes, context);
    }

    @Override
    public Plaintext generateRandom(int numberOfBytes) {
        return CryptoOps.generateRandom(numberOfBytes);
    }

    @Override
    public List<KeyArn> purgeExpiredKeys() {
        return lifecycle.purgeExpired();
    }

    @Override
    public void enableKeyRotation(KeyArn key, Integer rotationPeriodInDays) {
        rotation.enable(key, rotationPeriodInDays);
    }

    @Override
    public void disableKeyRotation(KeyArn key) {
        rotation.disable(key);
    }

    @Override
    public RotationStatus rotationStatus(KeyArn key) {
        return rotation.status(key);
    }

    @Override
    public void rotateOnDemand(KeyArn key) {
        rotation.rotateOnDemand(key);
    }

    @Override
    public Page<KeyRotation> listRotations(KeyArn key, boolean allKeyMaterial, int limit, String marker) {
        return rotation.list(key, allKeyMaterial, limit, marker);
    }

    @Override
    public int rotateDue() {
        return rotation.rotateDue();
    }

    @Override
    public ImportParameters parametersForImport(KeyArn key, WrappingAlgorithm algorithm, WrappingKeySpec spec) {
        return imports.parameters(key, algorithm, spec);
    }

    @Override
    public ImportedMaterial importKeyMaterial(KeyArn key, MaterialImport request) {
        return imports.importMaterial(key, request);
    }

    @Override
    public ImportedMaterial deleteImportedKeyMaterial(KeyArn key, String keyMaterialId) {
        return imports.deleteMaterial(key, keyMaterialId);
    }

    @Override
    public int expireImportedMaterial() {
        return imports.expireDue();
    }
}

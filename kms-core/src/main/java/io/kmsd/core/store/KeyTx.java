package io.kmsd.core.store;

import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import io.kmsd.core.key.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The row operations available inside one transaction. Listings are ordered by their natural key and
 * start strictly after {@code after} (null: from the start). Every change to a key's rows bumps its
 * {@code rowVersion} through {@link #touch} or {@link #updateKey}.
 */
public interface KeyTx {

    // ---- keys

    Optional<KeyRecord> key(KeyArn arn);

    /** Like {@link #key} but locks the row until the transaction ends (SELECT ... FOR UPDATE). */
    Optional<KeyRecord> lockKey(KeyArn arn);

    OptionalLong rowVersion(KeyArn arn);

    /** The key with this id in the Region, in whatever account owns it. */
    Optional<KeyArn> keyById(Region region, KeyId keyId);

    List<KeyArn> keys(AccountId account, Region region, String afterKeyId, int limit);

    void insertKey(KeyRecord key);

    /** Writes every mutable column and bumps the row version. */
    void updateKey(KeyRecord key);

    /** Bumps the row version after a change to the key's tags or aliases. */
    void touch(KeyArn arn);

    /** Deletes the key with its materials, tags, aliases and grants. */
    void deleteKey(KeyArn arn);

    /** Keys in state PendingDeletion whose deletion date is at or before {@code now}. */
    List<KeyArn> dueForDeletion(Instant now, int limit);

    // ---- materials

    void insertMaterial(MaterialRecord material);

    List<MaterialRecord> materials(KeyArn arn);

    // ---- tags

    List<Tag> tags(KeyArn arn);

    void putTag(KeyArn arn, Tag tag);

    void deleteTag(KeyArn arn, String tagKey);

    // ---- aliases

    Optional<AliasRecord> alias(AliasArn alias);

    List<AliasRecord> aliasesOf(KeyArn arn);

    List<AliasRecord> aliases(AccountId account, Region region, Optional<KeyId> target, String afterName, int limit);

    /** Inserts; false if the name is taken in the account and Region. */
    boolean insertAlias(AliasRecord alias);

    void updateAlias(AliasRecord alias);

    void deleteAlias(AliasArn alias);

    // ---- rotation (kms-api §4.7)

    /** The key's rotation row; {@link RotationRecord#none} if it has none. */
    RotationRecord rotation(KeyArn arn);

    /** Inserts or replaces the key's rotation row. */
    void putRotation(RotationRecord rotation);

    void insertRotationEvent(KeyArn arn, RotationEvent event);

    /** The key's completed rotations in version order. */
    List<RotationEvent> rotationEvents(KeyArn arn);

    /** Enabled keys whose next automatic rotation is at or before {@code now}, earliest first. */
    List<KeyArn> dueForRotation(Instant now, int limit);

    // ---- imported key material (kms-api §4.10)

    void insertImportToken(ImportTokenRecord token);

    Optional<ImportTokenRecord> importToken(String tokenId);

    /** Deletes the tokens whose validity ended before {@code now}; returns how many. */
    int deleteImportTokensBefore(Instant now);

    Optional<ImportedMaterialRecord> importedMaterial(KeyArn arn);

    /** Inserts or replaces the key's row. */
    void putImportedMaterial(ImportedMaterialRecord material);

    /** Keys whose imported material expires at or before {@code now}, earliest first. */
    List<KeyArn> dueForMaterialExpiry(Instant now, int limit);

    /** Deletes every material row of the key (DeleteImportedKeyMaterial, expiry). */
    void deleteMaterials(KeyArn arn);
}

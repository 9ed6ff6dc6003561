package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.fails;
import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.InvalidAliasNameException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagException;

/** Aliases and tags through the real AWS SDK v2 (kms-api §4.2, §4.3, §6 items 42–45). */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkAliasAndTagTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static KmsClient kms;

    static KmsClient kms() {
        if (kms == null) {
            kms = TestServer.client(APP, TestServer.alice());
        }
        return kms;
    }

    @AfterAll
    static void close() {
        kms().close();
    }

    static KeyMetadata newKey() {
        return kms().createKey(r -> { }).keyMetadata();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    @Test
    void aliasIsCreatedListedByKeyAndDeleted() { // kms-api §6.43
        KeyMetadata m = newKey();
        kms().createAlias(r -> r.aliasName("alias/listed").targetKeyId(m.arn()));
        List<AliasListEntry> aliases = kms().listAliases(r -> r.keyId(m.keyId())).aliases();
        assertThat(aliases).hasSize(1);
        AliasListEntry e = aliases.get(0);
        assertThat(e.aliasName()).isEqualTo("alias/listed");
        assertThat(e.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/listed");
        assertThat(e.targetKeyId()).isEqualTo(m.keyId());
        assertThat(e.creationDate()).isEqualTo(e.lastUpdatedDate());
        kms().deleteAlias(r -> r.aliasName("alias/listed"));
        assertThat(kms().listAliases(r -> r.keyId(m.keyId())).aliases()).isEmpty();
        fails(NotFoundException.class, "Alias arn:aws:kms:us-east-1:111122223333:alias/listed is not found.",
                () -> kms().deleteAlias(r -> r.aliasName("alias/listed")));
    }

    @Test
    void aliasNameNeedsThePrefix() { // kms-api §6.42
        KeyMetadata m = newKey();
        failsWith("ValidationException", "Alias must start with the prefix \"alias/\". Please see "
                + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html",
                () -> kms().createAlias(r -> r.aliasName("no-prefix").targetKeyId(m.keyId())));
    }

    @Test
    void aliasNameWithForbiddenCharactersIsAModelViolation() {
        KeyMetadata m = newKey();
        failsWith("ValidationException", "1 validation error detected: Value 'alias/a b' at 'aliasName' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
                () -> kms().createAlias(r -> r.aliasName("alias/a b").targetKeyId(m.keyId())));
    }

    @Test
    void duplicateAliasAlreadyExists() { // kms-api §6.42
        KeyMetadata m = newKey();
        kms().createAlias(r -> r.aliasName("alias/twice").targetKeyId(m.keyId()));
        fails(AlreadyExistsException.class, () -> kms().createAlias(r -> r.aliasName("alias/twice").targetKeyId(m.keyId())));
    }

    @Test
    void awsPrefixIsReserved() {
        KeyMetadata m = newKey();
        fails(InvalidAliasNameException.class,
                () -> kms().createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(m.keyId())));
    }

    @Test
    void aliasOnAKeyPendingDeletionIsRefused() { // kms-api §6.42
        KeyMetadata m = newKey();
        kms().disableKey(r -> r.keyId(m.keyId()));
        kms().scheduleKeyDeletion(r -> r.keyId(m.keyId()));
        fails(KmsInvalidStateException.class, m.arn() + " is pending deletion.",
                () -> kms().createAlias(r -> r.aliasName("alias/late").targetKeyId(m.keyId())));
    }

    @Test
    void updateAliasMovesItAndItsLastUpdatedDate() { // kms-api §6.44
        KeyMetadata first = newKey();
        KeyMetadata second = newKey();
        kms().createAlias(r -> r.aliasName("alias/moving").targetKeyId(first.keyId()));
        AliasListEntry before = kms().listAliases(r -> r.keyId(first.keyId())).aliases().get(0);
        kms().updateAlias(r -> r.aliasName("alias/moving").targetKeyId(second.keyId()));
        AliasListEntry after = kms().listAliases(r -> r.keyId(second.keyId())).aliases().get(0);
        assertThat(after.targetKeyId()).isEqualTo(second.keyId());
        assertThat(after.lastUpdatedDate()).isAfterOrEqualTo(before.lastUpdatedDate());
        assertThat(kms().describeKey(r -> r.keyId("alias/moving")).keyMetadata().keyId()).isEqualTo(second.keyId());
        fails(NotFoundException.class, () -> kms().updateAlias(r -> r.aliasName("alias/none").targetKeyId(first.keyId())));
    }

    @Test
    void listAliasesLimitIsOneToOneHundred() { // kms-api §6.43
        failsWith("ValidationException", "1 validation error detected: Value '101' at 'limit' failed to satisfy "
                + "constraint: Member must have value less than or equal to 100", () -> kms().listAliases(r -> r.limit(101)));
    }

    @Test
    void tagsAreUpsertedListedAndRemoved() { // kms-api §6.45
        KeyMetadata m = newKey();
        kms().tagResource(r -> r.keyId(m.keyId()).tags(tag("team", "a"), tag("empty", "")));
        kms().tagResource(r -> r.keyId(m.keyId()).tags(tag("team", "b")));
        assertThat(kms().listResourceTags(r -> r.keyId(m.keyId())).tags())
                .containsExactlyInAnyOrder(tag("team", "b"), tag("empty", ""));
        kms().untagResource(r -> r.keyId(m.keyId()).tagKeys("team", "absent"));
        assertThat(kms().listResourceTags(r -> r.keyId(m.keyId())).tags()).containsExactly(tag("empty", ""));
    }

    @Test
    void tagRulesAreTagExceptions() { // kms-api §6.45
        KeyMetadata m = newKey();
        fails(TagException.class, "Duplicate tag keys",
                () -> kms().tagResource(r -> r.keyId(m.keyId()).tags(tag("k", "1"), tag("k", "2"))));
        fails(TagException.class, "Tags beginning with aws: are reserved",
                () -> kms().tagResource(r -> r.keyId(m.keyId()).tags(tag("AWS:thing", "1"))));
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(tag("k" + i, "v"));
        }
        fails(TagException.class, "Too many tags", () -> kms().tagResource(r -> r.keyId(m.keyId()).tags(many)));
    }

    @Test
    void overlongTagKeyIsNamedByItsPath() { // kms-api §6.45
        KeyMetadata m = newKey();
        String key = "k".repeat(129);
        failsWith("ValidationException", "1 validation error detected: Value '" + key + "' at 'tags.1.member.tagKey' "
                + "failed to satisfy constraint: Member must have length less than or equal to 128",
                () -> kms().tagResource(r -> r.keyId(m.keyId()).tags(tag(key, "v"))));
    }

    @Test
    void createKeyWithTagsTagsIt() {
        KeyMetadata m = kms().createKey(r -> r.tags(tag("project", "tour"))).keyMetadata();
        assertThat(kms().listResourceTags(r -> r.keyId(m.keyId())).tags()).containsExactly(tag("project", "tour"));
        fails(TagException.class, "Tags beginning with aws: are reserved",
                () -> kms().createKey(r -> r.tags(tag("aws:x", "1"))));
    }

    @Test
    void listResourceTagsPages() {
        KeyMetadata m = newKey();
        kms().tagResource(r -> r.keyId(m.keyId()).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
        var first = kms().listResourceTags(r -> r.keyId(m.keyId()).limit(2));
        assertThat(first.tags()).hasSize(2);
        assertThat(first.truncated()).isTrue();
        var rest = kms().listResourceTags(r -> r.keyId(m.keyId()).marker(first.nextMarker()));
        assertThat(rest.tags()).containsExactly(tag("c", "3"));
        assertThat(rest.truncated()).isFalse();
    }
}

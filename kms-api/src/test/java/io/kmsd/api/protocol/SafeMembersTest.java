package io.kmsd.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.operation.CreateKeyHandler;
import io.kmsd.api.operation.EncryptHandler;
import io.kmsd.api.operation.KeyMetadataView;
import io.kmsd.api.operation.TagResourceHandler;
import io.kmsd.api.wire.Blob;
import io.kmsd.api.wire.WireTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the dispatcher copies out of request and response records for the audit hook: what it asks, never a blob. */
class SafeMembersTest {
    static final Blob PLAINTEXT = Blob.adopt("the plaintext".getBytes());

    @Test
    void copiesTheAskedMembersByWireName() {
        var members = new SafeMembers(Set.of("KeyId", "EncryptionContext", "GrantTokens", "DryRun"));
        var request = new EncryptHandler.Request("alias/app", PLAINTEXT, Map.of("k", "v"), List.of("t1"), null, true);
        assertThat(members.copy(request)).containsExactlyInAnyOrderEntriesOf(Map.of("KeyId", "alias/app",
                "EncryptionContext", Map.of("k", "v"), "GrantTokens", List.of("t1"), "DryRun", true));
    }

    @Test
    void neverCopiesABlobEvenWhenAskedByName() {
        var members = new SafeMembers(Set.of("KeyId", "Plaintext", "Data", "Data.Length"));
        var request = new EncryptHandler.Request("k", PLAINTEXT, null, null, null, null);
        assertThat(members.copy(request)).containsOnlyKeys("KeyId");
        assertThat(members.copy(new Holder(PLAINTEXT, null, null))).isEmpty();
    }

    @Test
    void copiesMembersOfStructuresAndOfEveryListElement() {
        var members = new SafeMembers(Set.of("Tags.TagKey", "KeyMetadata.Arn", "KeyMetadata.KeyState"));
        var tags = new TagResourceHandler.Request("k", List.of(new WireTag("a", "secret-1"),
                new WireTag("b", "secret-2")));
        assertThat(members.copy(tags)).isEqualTo(Map.of("Tags.TagKey", List.of("a", "b")));
        var metadata = new KeyMetadataView("111122223333", "id", "arn:k", Instant.EPOCH, true, "d", "ENCRYPT_DECRYPT",
                "Enabled", null, "AWS_KMS", "CUSTOMER", null, "SYMMETRIC_DEFAULT", null, null, null, null, false, null,
                null, null);
        assertThat(members.copy(new CreateKeyHandler.Response(metadata)))
                .isEqualTo(Map.of("KeyMetadata.Arn", "arn:k", "KeyMetadata.KeyState", "Enabled"));
    }

    @Test
    void absentMembersAndNullValuesAreLeftOut() {
        var members = new SafeMembers(Set.of("KeyId", "EncryptionContext", "Tags.TagKey"));
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", "x");
        var request = new EncryptHandler.Request(null, PLAINTEXT, withNull, null, null, null);
        assertThat(members.copy(request)).isEqualTo(Map.of("EncryptionContext", Map.of("b", "x")));
        assertThat(members.copy(null)).isEmpty();
        assertThat(members.copy(NoOutput.INSTANCE)).isEmpty();
        assertThat(new SafeMembers(Set.of()).copy(request)).isEmpty();
    }

    @Test
    void listsKeepOnlyTextLikeElements() {
        var members = new SafeMembers(Set.of("Items"));
        assertThat(members.copy(new Holder(null, List.of("a", PLAINTEXT, 3), null)))
                .isEqualTo(Map.of("Items", List.of("a", "3")));
    }

    record Holder(@JsonProperty("Data") Blob data, @JsonProperty("Items") List<Object> items,
                  @JsonProperty("When") Instant when) {
    }
}

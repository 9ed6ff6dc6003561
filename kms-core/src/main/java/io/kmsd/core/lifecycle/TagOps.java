package io.kmsd.core.lifecycle;

import io.kmsd.core.Page;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.Tag;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** TagResource, UntagResource, ListResourceTags (kms-api §4.3) and the tag rules CreateKey shares. */
final class TagOps {
    static final String DUPLICATE = "Duplicate tag keys";
    static final String TOO_MANY = "Too many tags";
    static final String RESERVED = "Tags beginning with aws: are reserved";

    private final KeyStore store;
    private final KeyCache cache;

    TagOps(KeyStore store, KeyCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** kms-api §4.3 TagException rules for tags added to a key that already has {@code existing}. */
    static void validateNew(List<Tag> tags, List<Tag> existing) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (!keys.add(tag.key())) {
                throw Errors.tag(DUPLICATE);
            }
            if (tag.isReserved()) {
                throw Errors.tag(RESERVED);
            }
        }
        existing.forEach(t -> keys.add(t.key()));
        if (keys.size() > Limits.MAX_TAGS) {
            throw Errors.tag(TOO_MANY); // counted after the upsert, §4.3
        }
    }

    void tag(KeyArn arn, List<Tag> tags) {
        validateNew(tags, List.of());
        store.write(tx -> {
            KeyRecord key = tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn));
            KeyStateTable.check(KeyOperation.TagResource, key.state(), arn);
            validateNew(tags, tx.tags(arn));
            tags.forEach(t -> tx.putTag(arn, t));
            tx.touch(arn);
            return null;
        });
        cache.afterWrite(arn);
    }

    void untag(KeyArn arn, List<String> tagKeys) {
        if (tagKeys.stream().anyMatch(Tag::isReservedKey)) {
            throw Errors.tag(RESERVED);
        }
        store.write(tx -> {
            KeyRecord key = tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn));
            KeyStateTable.check(KeyOperation.UntagResource, key.state(), arn);
            tagKeys.forEach(k -> tx.deleteTag(arn, k)); // absent keys are ignored, §4.3
            tx.touch(arn);
            return null;
        });
        cache.afterWrite(arn);
    }

    Page<Tag> list(KeyArn arn, int limit, String marker) {
        Limits.listLimit(limit);
        String after = Markers.decode(marker);
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.ListResourceTags, key.state(), arn);
        List<Tag> sorted = key.facts().tags().stream().sorted(Comparator.comparing(Tag::key))
                .filter(t -> after == null || t.key().compareTo(after) > 0).toList();
        boolean more = sorted.size() > limit;
        List<Tag> page = more ? sorted.subList(0, limit) : sorted;
        return new Page<>(page, Markers.next(more, more ? page.get(limit - 1).key() : null));
    }
}

package io.kmsd.api.operation;

import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.wire.WireTag;
import io.kmsd.core.key.Tag;
import java.util.List;

/** Wire tags to core tags, and the tag condition keys {@code aws:RequestTag/*} and {@code aws:TagKeys}. */
final class Tags {
    private Tags() {
    }

    static List<Tag> toCore(List<WireTag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.tagKey(), t.tagValue())).toList();
    }

    static RequestFacts requestFacts(RequestFacts facts, List<WireTag> tags) {
        return facts.with(new OperationFacts.Tagging(toCore(tags), List.of()));
    }
}

package io.kmsd.core;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code nextMarker} (opaque) is present iff more items follow. */
public record Page<T>(List<T> items, Optional<String> nextMarker) {
    public Page {
        items = List.copyOf(items);
        nextMarker = nextMarker == null ? Optional.empty() : nextMarker;
    }

    public boolean truncated() {
        return nextMarker.isPresent();
    }
}

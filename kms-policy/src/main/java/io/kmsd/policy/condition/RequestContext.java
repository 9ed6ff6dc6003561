package io.kmsd.policy.condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request context: condition key → values. Key names are case-insensitive (key-policy-semantics C1), so
 * entries are stored under the lower-case name; an absent key is simply not here, and an empty list is absent
 * (K4). Immutable.
 */
public final class RequestContext implements VariableSource {
    private static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, ContextEntry> entries;

    private RequestContext(Map<String, ContextEntry> entries) {
        this.entries = entries;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The entry for a key already in lower case, or null when absent. */
    public ContextEntry get(String lowerKey) {
        return entries.get(lowerKey);
    }

    /** The entry for a key in any case, or null when absent. */
    public ContextEntry lookup(String key) {
        return entries.get(ConditionKeys.lower(key));
    }

    @Override
    public String variable(String lowerKey) {
        ContextEntry e = entries.get(lowerKey);
        return e == null || e.multivalued() ? null : e.first();
    }

    public Collection<ContextEntry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** A copy without one key (L2 drops kms:BypassPolicyLockoutSafetyCheck). */
    public RequestContext without(String key) {
        Map<String, ContextEntry> copy = new LinkedHashMap<>(entries);
        copy.remove(ConditionKeys.lower(key));
        return new RequestContext(Collections.unmodifiableMap(copy));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries.putAll(entries);
        return b;
    }

    @Override
    public String toString() {
        return "RequestContext" + entries.keySet();
    }

    /** Collects entries; later puts of the same key (any case) replace earlier ones. Single use. */
    public static final class Builder {
        private Map<String, ContextEntry> entries = new LinkedHashMap<>(64);

        private Builder() {
        }

        public Builder put(String key, String value, String source) {
            if (value != null) {
                open().put(ConditionKeys.lower(key), new ContextEntry(key, List.of(value), false, source));
            }
            return this;
        }

        private Map<String, ContextEntry> open() {
            if (entries == null) {
                throw new IllegalStateException("this builder has already built its context");
            }
            return entries;
        }

        /** A multivalued (ArrayOfString) key; an empty or null list leaves the key absent (K4). */
        public Builder putAll(String key, Collection<String> values, String source) {
            if (values != null && !values.isEmpty()) {
                open().put(ConditionKeys.lower(key), new ContextEntry(key, new ArrayList<>(values), true, source));
            }
            return this;
        }

        public Builder remove(String key) {
            open().remove(ConditionKeys.lower(key));
            return this;
        }

        /** Hands the collected entries to the context without copying; the builder cannot be used again. */
        public RequestContext build() {
            RequestContext c = new RequestContext(Collections.unmodifiableMap(open()));
            entries = null;
            return c;
        }
    }
}

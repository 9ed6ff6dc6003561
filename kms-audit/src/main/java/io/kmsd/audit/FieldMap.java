package io.kmsd.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of audit values keyed by a closed enum; JSON writes them in the enum's order.
 * Only {@link ValueKind} shapes can be stored, so a byte array can never be smuggled in.
 */
public abstract class FieldMap<K extends Enum<K> & FieldKey> {
    private final Map<K, Object> values;

    FieldMap(EnumMap<K, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** All values, in the enum's (and JSON's) order. */
    public Map<K, Object> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<String> text(K key) {
        return Optional.ofNullable((String) values.get(expect(key, ValueKind.TEXT)));
    }

    public Optional<Long> number(K key) {
        return Optional.ofNullable((Long) values.get(expect(key, ValueKind.NUMBER)));
    }

    public Optional<Boolean> flag(K key) {
        return Optional.ofNullable((Boolean) values.get(expect(key, ValueKind.FLAG)));
    }

    public Optional<Instant> time(K key) {
        return Optional.ofNullable((Instant) values.get(expect(key, ValueKind.TIME)));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(K key) {
        return (List<String>) values.getOrDefault(expect(key, ValueKind.LIST), List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> map(K key) {
        return (Map<String, String>) values.getOrDefault(expect(key, ValueKind.MAP), Map.of());
    }

    private static <K extends FieldKey> K expect(K key, ValueKind kind) {
        if (key.kind() != kind) {
            throw new IllegalArgumentException(key.jsonName() + " is a " + key.kind() + ", not a " + kind);
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values.equals(((FieldMap<?>) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + values;
    }

    /** Collects values for one {@link FieldMap}; null values are skipped, so callers can pass optionals' contents. */
    public abstract static class Builder<K extends Enum<K> & FieldKey, B extends Builder<K, B>> {
        private final EnumMap<K, Object> values;

        Builder(Class<K> type) {
            this.values = new EnumMap<>(type);
        }

        EnumMap<K, Object> values() {
            return values;
        }

        public B put(K key, Object value) {
            if (value != null) {
                values.put(key, key.kind().normalize(value, key.jsonName()));
            }
            return self();
        }

        public B text(K key, String value) {
            return put(key, value);
        }

        public B number(K key, Long value) {
            return put(key, value);
        }

        public B flag(K key, Boolean value) {
            return put(key, value);
        }

        public B time(K key, Instant value) {
            return put(key, value);
        }

        public B list(K key, List<String> value) {
            return put(key, value);
        }

        public B map(K key, Map<String, String> value) {
            return put(key, value);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}

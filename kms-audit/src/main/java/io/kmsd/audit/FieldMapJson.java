package io.kmsd.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Jackson (de)serializers for {@link FieldMap}s: one JSON member per key, in enum order. */
final class FieldMapJson {
    private FieldMapJson() {
    }

    /** Writes each value by its kind; maps are already sorted. */
    static final class Writer<M extends FieldMap<?>> extends StdSerializer<M> {
        @SuppressWarnings("unchecked")
        Writer() {
            super((Class<M>) (Class<?>) FieldMap.class);
        }

        @Override
        public void serialize(M value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (Map.Entry<? extends FieldKey, Object> e : value.asMap().entrySet()) {
                gen.writeFieldName(e.getKey().jsonName());
                Object v = e.getValue();
                gen.writeObject(v instanceof Instant t ? t.toString() : v);
            }
            gen.writeEndObject();
        }
    }

    /** Reads known members by kind and ignores unknown ones (records written by a newer version). */
    static final class Reader<K extends Enum<K> & FieldKey, B extends FieldMap.Builder<K, B>, M extends FieldMap<K>>
            extends StdDeserializer<M> {
        private final Map<String, K> byName = new HashMap<>();
        private final Supplier<B> builder;
        private final Function<B, M> build;

        Reader(Class<K> keys, Supplier<B> builder, Function<B, M> build) {
            super(FieldMap.class);
            for (K k : keys.getEnumConstants()) {
                byName.put(k.jsonName(), k);
            }
            this.builder = builder;
            this.build = build;
        }

        @Override
        public M deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            B b = builder.get();
            node.fields().forEachRemaining(f -> {
                K key = byName.get(f.getKey());
                if (key != null && !f.getValue().isNull()) {
                    b.put(key, value(key.kind(), f.getValue()));
                }
            });
            return build.apply(b);
        }

        private static Object value(ValueKind kind, JsonNode n) {
            return switch (kind) {
                case TEXT -> n.asText();
                case NUMBER -> n.asLong();
                case FLAG -> n.asBoolean();
                case TIME -> Instant.parse(n.asText());
                case LIST -> list(n);
                case MAP -> map(n);
            };
        }

        private static List<String> list(JsonNode n) {
            List<String> out = new ArrayList<>();
            n.forEach(item -> out.add(item.asText()));
            return out;
        }

        private static Map<String, String> map(JsonNode n) {
            Map<String, String> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
            return out;
        }
    }
}

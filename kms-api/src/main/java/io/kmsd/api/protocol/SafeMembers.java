package io.kmsd.api.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the members an {@link AuditHook} asks for out of a request or response record, by wire path: a member's
 * wire name ({@code KeyId}), a member of a structure ({@code KeyMetadata.KeyState}), or a member of every element
 * of a list of structures ({@code Tags.TagKey}, copied as a list). Only text, numbers, flags, times, and lists
 * and maps of text are copied — never a {@link io.kmsd.api.wire.Blob} (plaintext, ciphertext, key), whatever
 * its name. The accessors of a record class are looked up once.
 */
final class SafeMembers {
    private final Set<String> paths;
    private final ClassValue<List<Member>> compiled = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            return compile(type, "");
        }
    };

    SafeMembers(Set<String> paths) {
        this.paths = Set.copyOf(paths);
    }

    /** The selected members of {@code record} that are present, by path; empty for null. */
    Map<String, Object> copy(Object record) {
        if (record == null || paths.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>();
        for (Member m : compiled.get(record.getClass())) {
            m.copy(record, out);
        }
        return Map.copyOf(out);
    }

    /** Reads one member (or the selected members below it) of an owner into {@code out}. */
    private interface Member {
        void copy(Object owner, Map<String, Object> out);
    }

    private List<Member> compile(Class<?> type, String prefix) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<Member> members = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? wireName(rc) : prefix + "." + wireName(rc);
            Method get = rc.getAccessor();
            get.trySetAccessible();
            if (paths.contains(path) && isLeaf(rc.getType())) {
                members.add((owner, out) -> putIfPresent(out, path, safe(read(get, owner))));
            } else if (selectsBelow(path) && rc.getType().isRecord()) {
                List<Member> inner = compile(rc.getType(), path);
                members.add((owner, out) -> copyNested(read(get, owner), inner, out));
            } else if (selectsBelow(path) && List.class.equals(rc.getType())) {
                List<Member> inner = compile(elementType(rc), path);
                members.add((owner, out) -> copyEach(read(get, owner), inner, out));
            }
        }
        return List.copyOf(members);
    }

    private boolean selectsBelow(String path) {
        String below = path + ".";
        return paths.stream().anyMatch(p -> p.startsWith(below));
    }

    private static void copyNested(Object value, List<Member> inner, Map<String, Object> out) {
        if (value != null) {
            inner.forEach(m -> m.copy(value, out));
        }
    }

    /** Every element's selected members, gathered per path into one list. */
    private static void copyEach(Object list, List<Member> inner, Map<String, Object> out) {
        if (!(list instanceof List<?> elements)) {
            return;
        }
        Map<String, List<Object>> gathered = new LinkedHashMap<>();
        for (Object element : elements) {
            Map<String, Object> one = new HashMap<>();
            copyNested(element, inner, one);
            one.forEach((path, v) -> gathered.computeIfAbsent(path, p -> new ArrayList<>()).add(v));
        }
        gathered.forEach((path, values) -> out.put(path, List.copyOf(values)));
    }

    private static boolean isLeaf(Class<?> type) {
        return type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type == boolean.class || type == int.class || type == long.class || type == Instant.class
                || type == List.class || type == Map.class;
    }

    /** The value if it is text, a number, a flag or a time; lists and maps keep only their text-like parts. */
    private static Object safe(Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Instant) {
            return v;
        }
        if (v instanceof List<?> list) {
            return list.stream().filter(SafeMembers::textLike).map(Object::toString).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, String> copy = new LinkedHashMap<>();
            map.forEach((k, val) -> {
                if (k instanceof String key && val instanceof String text) {
                    copy.put(key, text);
                }
            });
            return Collections.unmodifiableMap(copy);
        }
        return null;
    }

    private static boolean textLike(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    private static void putIfPresent(Map<String, Object> out, String path, Object value) {
        if (value != null) {
            out.put(path, value);
        }
    }

    private static Object read(Method get, Object owner) {
        try {
            return get.invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record member " + get.getName() + " cannot be read", e);
        }
    }

    private static Class<?> elementType(RecordComponent rc) {
        Type t = rc.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** The member's name on the wire: its {@code @JsonProperty}, else the component name capitalised. */
    private static String wireName(RecordComponent rc) {
        JsonProperty json = rc.getAccessor().getAnnotation(JsonProperty.class);
        if (json != null && !json.value().isEmpty()) {
            return json.value();
        }
        return Character.toUpperCase(rc.getName().charAt(0)) + rc.getName().substring(1);
    }
}

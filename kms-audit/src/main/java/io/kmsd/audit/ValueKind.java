package io.kmsd.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few shapes a request parameter or response element may have. None of them is a byte array: an
 * audit value is always text a human reads, never a plaintext, ciphertext or key material blob.
 *
 * <p>Values come from requests that may have failed validation, and such a request must still be
 * audited, so over-long values are cut (with a visible marker) rather than refused.
 */
public enum ValueKind {
    TEXT, NUMBER, FLAG, LIST, MAP, TIME;

    static final int MAX_TEXT = 8192;
    static final int MAX_ITEMS = 100;
    static final String CUT_MARK = "...[truncated]";

    /** Checks the Java type and returns an immutable, bounded copy. */
    Object normalize(Object value, String field) {
        return switch (this) {
            case TEXT -> text(cast(value, String.class, field));
            case NUMBER -> cast(value, Long.class, field);
            case FLAG -> cast(value, Boolean.class, field);
            case LIST -> list(cast(value, List.class, field));
            case MAP -> map(cast(value, Map.class, field));
            case TIME -> cast(value, Instant.class, field).truncatedTo(ChronoUnit.MILLIS);
        };
    }

    private static <T> T cast(Object value, Class<T> type, String field) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(field + " needs a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    static String text(String value) {
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT) + CUT_MARK;
    }

    private static List<String> list(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v != null && out.size() < MAX_ITEMS) {
                out.add(text(v.toString()));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, String> map(Map<?, ?> values) {
        TreeMap<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(text(k.toString()), text(v.toString()));
            }
        });
        while (out.size() > MAX_ITEMS) {
            out.pollLastEntry();
        }
        return Collections.unmodifiableMap(out);
    }
}

package io.kmsd.api.wire;

import io.kmsd.core.error.KmsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the model-constraint violations of one request and reports them all at once in the grammar of
 * kms-api §1.3: {@code 1 validation error detected: Value '<v>' at '<path>' failed to satisfy constraint:
 * <rule>}, items joined by {@code "; "}. Paths are member names with a lower-case first letter; list items
 * are 1-based ({@code tags.1.member.tagKey}). Sensitive members never show their value.
 */
public final class Violations {
    private final List<String> items = new ArrayList<>(2);

    /** Missing required member: {@code Value null at 'keyId' ... Member must not be null}. */
    public Violations required(String path, Object value) {
        if (value == null) {
            items.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** String length bounds (counted in UTF-16 units, as the service does). */
    public Violations length(String path, String value, int min, int max) {
        if (value != null) {
            bounds(shown(value), path, value.length(), min, max, "length");
        }
        return this;
    }

    /** Blob length bounds; a sensitive blob (Plaintext) is reported without its value. */
    public Violations length(String path, Blob value, int min, int max, boolean sensitive) {
        if (value != null) {
            bounds(sensitive ? null : shown(value.describe()), path, value.length(), min, max, "length");
        }
        return this;
    }

    /** List size bounds; the value is the list as Java prints it. */
    public Violations size(String path, List<?> value, int min, int max) {
        if (value != null) {
            bounds(shown(String.valueOf(value)), path, value.size(), min, max, "length");
        }
        return this;
    }

    /** Integer range. */
    public Violations range(String path, Integer value, int min, int max) {
        if (value != null) {
            bounds(shown(String.valueOf(value)), path, value, min, max, "value");
        }
        return this;
    }

    /** {@code Member must satisfy regular expression pattern: <re>}, the model's pattern text. */
    public Violations pattern(String path, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(shown(value), path, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /** {@code Member must satisfy enum value set: [A, B]} in the model's order. */
    public Violations oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(shown(value), path, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The §1.3 message, or nothing to throw. */
    public void throwIfAny() {
        if (!items.isEmpty()) {
            throw KmsException.validation(message());
        }
    }

    String message() {
        String head = items.size() == 1 ? "1 validation error detected: "
                : items.size() + " validation errors detected: ";
        return head + String.join("; ", items);
    }

    private void bounds(String shownValue, String path, long actual, int min, int max, String what) {
        if (actual < min) {
            add(shownValue, path, "Member must have " + what + " greater than or equal to " + min);
        }
        if (actual > max) {
            add(shownValue, path, "Member must have " + what + " less than or equal to " + max);
        }
    }

    private void add(String shownValue, String path, String rule) {
        String value = shownValue == null ? "Value" : "Value " + shownValue;
        items.add(value + " at '" + path + "' failed to satisfy constraint: " + rule);
    }

    private static String shown(String value) {
        return "'" + value + "'";
    }
}

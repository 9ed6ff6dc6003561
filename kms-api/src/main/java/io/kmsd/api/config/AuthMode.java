package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code kms.auth.mode}: {@code sigv4} (default) or {@code permissive} (test suites only). */
public enum AuthMode {
    SIGV4, PERMISSIVE;

    @JsonCreator
    public static AuthMode of(String text) {
        for (AuthMode m : values()) {
            if (m.text().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("auth.mode must be sigv4 or permissive, not '" + text + "'");
    }

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}

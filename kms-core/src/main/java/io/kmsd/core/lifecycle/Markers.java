package io.kmsd.core.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Pagination markers (kms-api §4.0: opaque). A marker is URL-safe base64 of {@code "m1:" + the last sort
 * key returned}; anything else is an InvalidMarkerException. Sort keys are key ids, alias names, tag keys.
 */
final class Markers {
    private static final String PREFIX = "m1:";
    private static final int MAX_MARKER = 1024;

    private Markers() {
    }

    static String encode(String lastSortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastSortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key to continue after; null for no marker (first page). */
    static String decode(String marker) {
        if (marker == null) {
            return null;
        }
        if (marker.isEmpty() || marker.length() > MAX_MARKER) {
            throw Errors.invalidMarker();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidMarker();
        }
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()) {
            throw Errors.invalidMarker();
        }
        return text.substring(PREFIX.length());
    }

    /** The marker for the next page if a full page was returned and more may follow. */
    static Optional<String> next(boolean more, String lastSortKey) {
        return more ? Optional.of(encode(lastSortKey)) : Optional.empty();
    }
}

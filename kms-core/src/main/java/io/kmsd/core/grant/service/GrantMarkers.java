package io.kmsd.core.grant.service;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.GrantId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Pagination markers of grant listings (kms-api §4.0: opaque): URL-safe base64 of {@code "g1:" + the last grant
 * id returned}; anything else → InvalidMarkerException.
 */
final class GrantMarkers {
    private static final String PREFIX = "g1:";
    private static final int MAX_MARKER = 1024;

    private GrantMarkers() {
    }

    static Optional<String> next(boolean more, GrantId last) {
        return more ? Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + last.value()).getBytes(StandardCharsets.US_ASCII))) : Optional.empty();
    }

    /** The grant id to continue after; null for no marker (first page). */
    static GrantId after(String marker) {
        if (marker == null) {
            return null;
        }
        if (marker.isEmpty() || marker.length() > MAX_MARKER) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX) || !GrantId.isValid(text.substring(PREFIX.length()))) {
            throw invalid();
        }
        return new GrantId(text.substring(PREFIX.length()));
    }

    private static KmsException invalid() {
        return new KmsException(KmsError.InvalidMarker, "The marker is not valid.");
    }
}

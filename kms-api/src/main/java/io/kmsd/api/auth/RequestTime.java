package io.kmsd.api.auth;

import io.kmsd.core.error.KmsException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The signing time of a request (kms-api §1.5 step 2): {@code X-Amz-Date} in the ISO-8601 basic form, else
 * {@code Date} in RFC 1123, rendered in the basic form for the string to sign.
 *
 * @param basic     the time as {@code yyyyMMdd'T'HHmmss'Z'}
 * @param fromAmzDate true when it came from {@code X-Amz-Date} (which must then be signed)
 */
public record RequestTime(Instant instant, String basic, boolean fromAmzDate) {
    public static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The time of {@code request}; IncompleteSignatureException if it has neither header or a bad one. */
    public static RequestTime of(SignedRequest request, String authorization) {
        Optional<String> amzDate = request.header("x-amz-date");
        if (amzDate.isPresent()) {
            return parseBasic(amzDate.get().strip());
        }
        Optional<String> date = request.header("date");
        if (date.isPresent()) {
            return parseHttpDate(date.get().strip());
        }
        throw AuthorizationHeader.incomplete("Authorization header requires existence of either a 'X-Amz-Date' "
                + "or a 'Date' header. Authorization=" + authorization);
    }

    /** The date part, {@code yyyyMMdd}. */
    public String date() {
        return basic.substring(0, 8);
    }

    public static String format(Instant instant) {
        return BASIC.format(instant);
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} read by hand: every signed request carries one, and a DateTimeFormatter parse
     * cost more than the request's AES-GCM. Field ranges are checked by LocalDateTime.of (no lenient Feb 30).
     */
    private static RequestTime parseBasic(String text) {
        if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            throw notBasic(text);
        }
        try {
            LocalDateTime t = LocalDateTime.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8),
                    number(text, 9, 11), number(text, 11, 13), number(text, 13, 15));
            return new RequestTime(t.toInstant(ZoneOffset.UTC), text, true);
        } catch (DateTimeException e) {
            throw notBasic(text);
        }
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static KmsException notBasic(String text) {
        return AuthorizationHeader.incomplete("Date must be in ISO-8601 'basic format'. Got '" + text
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    private static RequestTime parseHttpDate(String text) {
        try {
            Instant t = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return new RequestTime(t, format(t), false);
        } catch (DateTimeParseException e) {
            throw AuthorizationHeader.incomplete("Date must be in RFC 1123 format. Got '" + text + "'.");
        }
    }
}

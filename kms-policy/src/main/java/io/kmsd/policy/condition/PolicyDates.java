package io.kmsd.policy.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Date values of the Date operators (key-policy-semantics C4): W3C ISO-8601 profiles ({@code YYYY} — a four-digit number is a year, not epoch seconds —
 * {@code YYYY-MM}, {@code YYYY-MM-DD}, date-times with a zone designator) or epoch seconds, on either side.
 */
public final class PolicyDates {
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private PolicyDates() {
    }

    /** The instant a value names, or null if it is not a date. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return parseChecked(text.strip());
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static Instant parseChecked(String t) {
        if (YEAR.matcher(t).matches()) {
            return LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (EPOCH.matcher(t).matches()) {
            BigDecimal seconds = new BigDecimal(t);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        if (YEAR_MONTH.matcher(t).matches()) {
            return LocalDate.parse(t + "-01").atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (t.indexOf('T') < 0) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(t).toInstant();
    }
}

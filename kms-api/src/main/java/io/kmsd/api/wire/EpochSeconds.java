package io.kmsd.api.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Timestamps as JSON numbers of epoch seconds (kms-api §1.1): read {@code 1893456000}, {@code 1893456000.5}
 * and {@code 1.8934560005E9}; write at most three decimals, never in exponent form.
 */
public final class EpochSeconds {
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private EpochSeconds() {
    }

    /** {@code instant} as seconds with at most three decimals, trailing zeros dropped. */
    public static BigDecimal toSeconds(Instant instant) {
        BigDecimal millis = BigDecimal.valueOf(instant.toEpochMilli());
        return millis.movePointLeft(3).stripTrailingZeros();
    }

    /** Seconds (any scale) to an instant, rounded down to the nanosecond. */
    public static Instant fromSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(toSeconds(value));
        }
    }

    static final class Reader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.currentToken().isNumeric()) {
                return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return fromSeconds(p.getDecimalValue());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return (Instant) ctx.handleWeirdNumberValue(Instant.class, p.getNumberValue(), "out of range");
            }
        }
    }
}

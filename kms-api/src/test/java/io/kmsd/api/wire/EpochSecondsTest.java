package io.kmsd.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** kms-api §1.1 timestamps: the three accepted forms in, at most three decimals and no exponent out. */
class EpochSecondsTest {
    static final ObjectMapper WIRE = WireJson.newMapper();

    record At(@JsonProperty("At") Instant at) {
    }

    static Instant read(String number) throws Exception {
        return WIRE.readValue("{\"At\": " + number + "}", At.class).at();
    }

    @Test
    void readsIntegerFractionAndExponentForms() throws Exception {
        assertThat(read("1893456000")).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(read("1893456000.5")).isEqualTo(Instant.parse("2030-01-01T00:00:00.500Z"));
        assertThat(read("1.8934560005E9")).isEqualTo(Instant.parse("2030-01-01T00:00:00.500Z"));
    }

    @Test
    void writesAtMostThreeDecimalsAndNoExponent() throws Exception {
        assertThat(WIRE.writeValueAsString(new At(Instant.parse("2030-01-01T00:00:00Z")))).isEqualTo("{\"At\":1893456000}");
        assertThat(WIRE.writeValueAsString(new At(Instant.parse("2030-01-01T00:00:00.5Z"))))
                .isEqualTo("{\"At\":1893456000.5}");
        assertThat(WIRE.writeValueAsString(new At(Instant.parse("2030-01-01T00:00:00.123456789Z"))))
                .isEqualTo("{\"At\":1893456000.123}");
    }

    @Property
    void millisecondsSurviveTheRoundTrip(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis)
            throws Exception {
        Instant t = Instant.ofEpochMilli(millis);
        At back = WIRE.readValue(WIRE.writeValueAsString(new At(t)), At.class);
        assertThat(back.at()).isEqualTo(t);
    }

    @Test
    void aStringIsNotATimestamp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("\"1893456000\""))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }
}

package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
    static final Endpoint LOCAL = Endpoint.parse("http://127.0.0.1:8080");
    static final Credentials CREDS = new Credentials("AKIA", "secret");

    static LoadOptions options(int connections, Duration duration, Duration warmup, int plaintext, long max) {
        return new LoadOptions(LOCAL, connections, duration, warmup, List.of(Operation.ENCRYPT), Optional.empty(),
                CREDS, "us-east-1", plaintext, max, Duration.ofSeconds(30));
    }

    @Test
    void defaultsAreAccepted() {
        LoadOptions o = options(16, Duration.ofSeconds(20), Duration.ofSeconds(5), 64, LoadOptions.DEFAULT_MAX_REQUESTS);
        assertThat(o.needsKey()).isTrue();
        assertThat(o.needsCiphertext()).isFalse();
    }

    @Test
    void connectionsAreBounded() {
        assertThatThrownBy(() -> options(0, Duration.ofSeconds(1), Duration.ZERO, 64, 10))
                .hasMessageContaining("--connections");
        assertThatThrownBy(() -> options(257, Duration.ofSeconds(1), Duration.ZERO, 64, 10))
                .hasMessageContaining("--connections");
    }

    @Test
    void durationAndWarmupAreBounded() {
        assertThatThrownBy(() -> options(1, Duration.ofMinutes(11), Duration.ZERO, 64, 10))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> options(1, Duration.ofMillis(10), Duration.ZERO, 64, 10))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ofMinutes(6), 64, 10))
                .hasMessageContaining("--warmup");
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ofSeconds(-1), 64, 10))
                .hasMessageContaining("--warmup");
    }

    @Test
    void requestCountAndPayloadAreBounded() {
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ZERO, 64, 0))
                .hasMessageContaining("--max-requests");
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ZERO, 64, LoadOptions.MAX_REQUESTS + 1))
                .hasMessageContaining("--max-requests");
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ZERO, 4097, 10))
                .hasMessageContaining("--plaintext-bytes");
        assertThatThrownBy(() -> options(1, Duration.ofSeconds(1), Duration.ZERO, 0, 10))
                .hasMessageContaining("--plaintext-bytes");
    }

    @Test
    void badRegionIsRefused() {
        assertThatThrownBy(() -> new LoadOptions(LOCAL, 1, Duration.ofSeconds(1), Duration.ZERO,
                List.of(Operation.PING), Optional.empty(), CREDS, "moon", 64, 10, Duration.ofSeconds(1)))
                .hasMessageContaining("--region");
    }

    @Test
    void signNeedsASigningKeyOfASigningSpec() {
        LoadOptions o = new LoadOptions(LOCAL, 1, Duration.ofSeconds(1), Duration.ZERO, List.of(Operation.SIGN),
                Optional.empty(), CREDS, "us-east-1", 64, 10, Duration.ofSeconds(1), "RSA_2048");
        assertThat(o.needsSigningKey()).isTrue();
        assertThat(o.needsKey()).isFalse();
        assertThat(options(1, Duration.ofSeconds(1), Duration.ZERO, 64, 10).keySpec()).isEqualTo("ECC_NIST_P256");
        for (String bad : java.util.Arrays.asList("SYMMETRIC_DEFAULT", "HMAC_256", "rsa_2048", null)) {
            assertThatThrownBy(() -> new LoadOptions(LOCAL, 1, Duration.ofSeconds(1), Duration.ZERO,
                    List.of(Operation.SIGN), Optional.empty(), CREDS, "us-east-1", 64, 10, Duration.ofSeconds(1), bad))
                    .hasMessageContaining("--key-spec");
        }
    }

    @Test
    void pingAloneNeedsNoKey() {
        LoadOptions o = new LoadOptions(LOCAL, 1, Duration.ofSeconds(1), Duration.ZERO, List.of(Operation.PING),
                Optional.of(" "), CREDS, "us-east-1", 64, 10, Duration.ofSeconds(1));
        assertThat(o.needsKey()).isFalse();
        assertThat(o.keyId()).isEmpty();
    }

    @Property
    void budgetSharesAddUpToTheCap(@ForAll @IntRange(min = 1, max = 256) int connections,
                                   @ForAll @LongRange(min = 1, max = 100_000_000L) long max) {
        LoadOptions o = options(connections, Duration.ofSeconds(1), Duration.ZERO, 64, max);
        long total = IntStream.range(0, connections).mapToLong(o::budgetOf).sum();
        assertThat(total).isEqualTo(max);
        assertThat(IntStream.range(0, connections).mapToLong(o::budgetOf).max().orElseThrow()
                - IntStream.range(0, connections).mapToLong(o::budgetOf).min().orElseThrow()).isLessThanOrEqualTo(1);
    }
}

package io.kmsd.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by a shift the test controls, so a node can pass a refresh interval without
 * anybody sleeping (STYLE "inject clocks"). Keep the shift within the server's SigV4 clock skew: the SDK signs
 * with the real time.
 */
public final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

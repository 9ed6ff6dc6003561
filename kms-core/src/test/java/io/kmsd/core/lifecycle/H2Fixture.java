package io.kmsd.core.lifecycle;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.KeyService;
import io.kmsd.core.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A Core on a fresh H2 data directory per test, with a clock the test moves. */
abstract class H2Fixture {
    protected final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    @TempDir
    protected Path dataDir;
    protected Core core;
    protected KeyService keys;

    protected CoreConfig.Builder config() {
        return CoreConfig.builder().h2(dataDir).clock(clock);
    }

    @BeforeEach
    void startCore() {
        core = Core.start(config().build());
        keys = core.keys();
    }

    @AfterEach
    void stopCore() {
        core.close();
    }
}

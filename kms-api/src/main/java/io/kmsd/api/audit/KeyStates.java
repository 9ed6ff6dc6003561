package io.kmsd.api.audit;

import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import java.util.Optional;

/** A key's current state (core's cached facts), read for the "after" of a key state change. */
@FunctionalInterface
public interface KeyStates {
    KeyStates UNKNOWN = key -> Optional.empty();

    /** The state now; empty if the key cannot be read (the record then leaves the new state out). */
    Optional<KeyState> current(KeyArn key);
}

package io.kmsd.api.auth;

import io.kmsd.core.key.Region;
import java.util.Objects;

/** Who signed a request, and the Region its credential scope names (the request's Region namespace). */
public record Authenticated(Principal principal, Region region) {
    public Authenticated {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(region, "region");
    }
}

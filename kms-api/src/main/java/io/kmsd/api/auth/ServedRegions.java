package io.kmsd.api.auth;

import io.kmsd.core.key.Region;
import java.util.Collection;
import java.util.Set;

/**
 * Which Regions this server answers for (kms-api §1.5 step 3). By default every well-formed Region name;
 * a configured list restricts it. The scope Region of a request selects its Region namespace.
 */
public final class ServedRegions {
    private final Set<String> names;

    private ServedRegions(Set<String> names) {
        this.names = names;
    }

    /** Every valid Region name. */
    public static ServedRegions all() {
        return new ServedRegions(Set.of());
    }

    /** Only these (an empty list means all). */
    public static ServedRegions only(Collection<String> names) {
        names.forEach(n -> {
            if (!Region.isValid(n)) {
                throw new IllegalArgumentException("not a Region name: " + n);
            }
        });
        return new ServedRegions(Set.copyOf(names));
    }

    public boolean serves(String region) {
        return Region.isValid(region) && (names.isEmpty() || names.contains(region));
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "all Regions" : String.join(", ", names);
    }
}

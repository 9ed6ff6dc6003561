package io.kmsd.core.lifecycle;

import io.kmsd.core.crypto.KeyRing;
import io.kmsd.core.crypto.asymmetric.AsymmetricKey;
import io.kmsd.core.crypto.asymmetric.HmacKey;

/**
 * The usable, parsed material of one key, built once per set of materials (never per request): a ring for a
 * symmetric key, one parsed handle for an asymmetric or HMAC key. Exactly one of the three is set;
 * {@code materialIds} lists the stored material ids in version order, so a reload can tell whether anything
 * changed.
 */
record KeyHandles(KeyRing ring, AsymmetricKey asymmetric, HmacKey hmac, java.util.List<String> materialIds) {
    KeyHandles {
        int set = (ring != null ? 1 : 0) + (asymmetric != null ? 1 : 0) + (hmac != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one kind of handle");
        }
        materialIds = java.util.List.copyOf(materialIds);
    }

    @Override
    public String toString() {
        return "KeyHandles[" + materialIds.size() + " materials]";
    }
}

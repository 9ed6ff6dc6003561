package io.kmsd.api.operation;

import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.Map;

/** Wire encryption contexts to core's {@link EncryptionContext} (kms-api §3.5). */
final class Contexts {
    private Contexts() {
    }

    /** {@code null} is the empty context; a null value or a lone surrogate is refused, naming the member. */
    static EncryptionContext of(String member, Map<String, String> pairs) {
        if (pairs == null) {
            return EncryptionContext.empty();
        }
        if (pairs.containsValue(null)) {
            throw new KmsException(KmsError.Serialization, "Member '" + member + "' must map strings to strings.");
        }
        try {
            return EncryptionContext.of(pairs);
        } catch (IllegalArgumentException e) {
            throw KmsException.validation("1 validation error detected: Value at '" + lowerFirst(member)
                    + "' failed to satisfy constraint: Member must contain only well-formed UTF-16 strings of at "
                    + "most 65535 UTF-8 bytes");
        }
    }

    private static String lowerFirst(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}

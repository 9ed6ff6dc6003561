package io.kmsd.api.operation;

import io.kmsd.api.authz.AccessDeniedMessages;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.core.crypto.SymmetricCiphertext;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyId;
import java.util.Optional;

/**
 * The key of the decrypting side of Decrypt and ReEncrypt (kms-api §4.4), authorized for {@code action}:
 * <ul>
 *   <li>no KeyId: the key the blob names, in any account of the Region. A blob that does not parse is
 *       InvalidCiphertext; a blob naming a key that is missing, elsewhere or not permitted is AccessDenied with
 *       the ciphertext message of §1.3.
 *   <li>a bare key id that is the blob's: the blob's key, even cross-account (§4.4).
 *   <li>any other KeyId: resolved as usual; core answers IncorrectKey if the blob names another key.
 * </ul>
 */
final class CiphertextKeys {
    private CiphertextKeys() {
    }

    static KeyFacts authorize(KeyAccess access, Call call, byte[] blob, String keyRef, String action,
                              RequestFacts facts) {
        Optional<KeyId> named = SymmetricCiphertext.keyIdOf(blob);
        if (keyRef != null && !(named.isPresent() && keyRef.equals(named.get().value()))) {
            return access.authorize(call, keyRef, KeyAccess.Ref.ID_ARN_OR_ALIAS, action, facts);
        }
        if (named.isEmpty()) {
            throw KmsException.invalidCiphertext();
        }
        KeyArn owner = access.keys().keyOfCiphertext(blob, call.region()).orElseThrow(CiphertextKeys::inaccessible);
        try {
            return access.authorize(call, owner, action, facts);
        } catch (KmsException e) {
            throw e.error() == KmsError.AccessDenied || e.error() == KmsError.NotFound ? inaccessible() : e;
        }
    }

    private static KmsException inaccessible() {
        return new KmsException(KmsError.AccessDenied, AccessDeniedMessages.ciphertextKeyInaccessible());
    }
}

package io.kmsd.core.crypto.asymmetric;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES Key Wrap with Padding (RFC 5649), as used by RSA_AES_KEY_WRAP_SHA_x imports (kms-api §4.10). */
final class AesKeyWrap {
    private AesKeyWrap() {
    }

    static byte[] wrap(byte[] kek, byte[] plaintext) {
        Wrapper wrapper = engine(true, kek);
        return wrapper.wrap(plaintext, 0, plaintext.length);
    }

    /** The unwrapped key data; InvalidCipherTextException if the integrity check or padding fails. */
    static byte[] unwrap(byte[] kek, byte[] wrapped, int offset, int length) throws InvalidCipherTextException {
        return engine(false, kek).unwrap(wrapped, offset, length);
    }

    private static Wrapper engine(boolean wrapping, byte[] kek) {
        Wrapper wrapper = new RFC5649WrapEngine(AESEngine.newInstance());
        wrapper.init(wrapping, new KeyParameter(kek));
        return wrapper;
    }
}

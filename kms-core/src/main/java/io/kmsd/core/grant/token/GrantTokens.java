package io.kmsd.core.grant.token;

import io.kmsd.core.crypto.RootKeyProvider;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantErrors;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and verifies grant tokens (kms-api §2: opaque URL-safe base64, 1–8192 characters, a fresh value per
 * CreateGrant call; key-policy-semantics E15). A token is not secret — it grants nothing to a non-grantee — but
 * it is authenticated, so a node may honour a grant it has not read from the database yet.
 *
 * <p>Text: URL-safe base64 without padding (only the canonical encoding is accepted) of version 1 bytes:
 * <pre>
 * u8   version = 1
 * 32   grant id
 * str  key ARN                       (str = u16 big-endian byte length, then UTF-8)
 * str  grantee principal
 * str  retiring principal            (empty: none)
 * u32  operations bit set            (GrantOperation.bit)
 * u8   constraint type               (0 none, 1 EncryptionContextEquals, 2 EncryptionContextSubset)
 * u8   pair count                    (0 iff no constraint), then per pair in key order: str key, str value
 * str  issuing account               (12 digits)
 * i64  creation time, epoch milliseconds
 * 16   random nonce                  (so every CreateGrant call yields a fresh token)
 * 32   tag = HMAC-SHA256 over all bytes before it
 * </pre>
 * The tag key is {@code rootKey.deriveKey("grant token v1")}: every node sharing the root key verifies every
 * node's tokens, and nothing else has to be stored or distributed. Tags are compared in constant time and
 * checked before any field is parsed.
 */
public final class GrantTokens {
    public static final int MAX_TOKEN_CHARS = 8192;
    static final int TAG_BYTES = 32;
    private static final int MIN_BYTES = 1 + 32 + TokenCodec.NONCE_BYTES + TAG_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreadLocal<Mac> macs;

    public GrantTokens(RootKeyProvider rootKey) {
        byte[] derived = rootKey.deriveKey("grant token v1");
        SecretKeySpec key = new SecretKeySpec(derived, "HmacSHA256");
        Arrays.fill(derived, (byte) 0);
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    /**
     * A fresh token for {@code grant}. A grant too large to fit in {@value #MAX_TOKEN_CHARS} characters (long
     * multi-byte constraint pairs) is refused with a ValidationException, before anything is stored.
     */
    public String mint(Grant grant) {
        byte[] nonce = new byte[TokenCodec.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] body = TokenCodec.encode(grant, nonce);
        byte[] token = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag(body, body.length), 0, token, body.length, TAG_BYTES);
        String text = ENCODER.encodeToString(token);
        if (text.length() > MAX_TOKEN_CHARS) {
            throw KmsException.validation("The grant is too large for a grant token of at most " + MAX_TOKEN_CHARS
                    + " characters; use fewer or shorter constraint pairs or principals.");
        }
        return text;
    }

    /** Verifies and decodes a token; anything else than a token this service minted → InvalidGrantToken. */
    public GrantToken decode(String text) {
        byte[] raw = canonicalBytes(text);
        int body = raw.length - TAG_BYTES;
        byte[] expected = tag(raw, body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, body, raw.length))) {
            throw GrantErrors.invalidToken();
        }
        try {
            return new GrantToken(text, TokenCodec.decode(raw, body));
        } catch (RuntimeException e) {
            throw GrantErrors.invalidToken(); // authentic but unparsable: a newer version, or a bug; never honoured
        }
    }

    private static byte[] canonicalBytes(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TOKEN_CHARS) {
            throw GrantErrors.invalidToken();
        }
        byte[] raw;
        try {
            raw = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw GrantErrors.invalidToken();
        }
        if (raw.length < MIN_BYTES || !ENCODER.encodeToString(raw).equals(text)) {
            throw GrantErrors.invalidToken(); // padding or non-zero spare bits would give one token many texts
        }
        return raw;
    }

    private byte[] tag(byte[] bytes, int length) {
        Mac mac = macs.get();
        mac.update(bytes, 0, length);
        return mac.doFinal();
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

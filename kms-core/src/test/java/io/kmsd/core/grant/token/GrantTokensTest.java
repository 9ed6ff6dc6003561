package io.kmsd.core.grant.token;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.testing.Ids;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Grant tokens (kms-api §2, §4.0; key-policy-semantics E15): what a valid token yields, and — mostly — that
 * every altered, truncated, extended, forged or foreign token is InvalidGrantToken with a message that never
 * echoes it.
 */
class GrantTokensTest {
    private static final String INVALID = "The grant token is not valid.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final DerivingRoot root = DerivingRoot.random();
    private final GrantTokens tokens = new GrantTokens(root);
    private final Grant grant = TokenFixtures.fullGrant();
    private final String token = tokens.mint(grant);
    private final byte[] raw = Base64.getUrlDecoder().decode(token);

    private void assertInvalid(String text) {
        assertFails(() -> tokens.decode(text), KmsError.InvalidGrantToken, INVALID);
    }

    /** The bytes tagged exactly as the service tags them (to build authentic but malformed tokens). */
    private String tagged(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(root.deriveKey("grant token v1"), "HmacSHA256"));
            byte[] out = Arrays.copyOf(body, body.length + GrantTokens.TAG_BYTES);
            System.arraycopy(mac.doFinal(body), 0, out, body.length, GrantTokens.TAG_BYTES);
            return B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenDecodesToTheGrantItWasMintedFor() {
        GrantToken decoded = tokens.decode(token);
        assertThat(decoded.grant()).isEqualTo(grant);
        assertThat(decoded.text()).isEqualTo(token);
        assertThat(decoded.grant().state()).isEqualTo(GrantState.ACTIVE);
    }

    @Test
    void theTokenOfANamedGrantDecodesWithoutTheName() {
        Grant named = new Grant(grant.grantId(), grant.keyArn(), Optional.of(new io.kmsd.core.grant.GrantName("n")),
                grant.creationDate(), grant.granteePrincipal(), grant.retiringPrincipal(), grant.issuingAccount(),
                grant.operations(), grant.constraints(), GrantState.ACTIVE);
        assertThat(tokens.decode(tokens.mint(named)).grant()).isEqualTo(grant);
    }

    @Test
    void everyMintYieldsAFreshTokenForTheSameGrant() { // kms-api §2 "fresh value per CreateGrant call"
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String fresh = tokens.mint(grant);
            assertThat(seen.add(fresh)).isTrue();
            assertThat(tokens.decode(fresh).grant()).isEqualTo(grant);
        }
    }

    @Test
    void tokensAreUrlSafeBase64WithinTheLimit() { // kms-api §2
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(GrantTokens.MAX_TOKEN_CHARS);
    }

    @Test
    void everyBitFlipOfTheTokenBytesIsRejected() {
        for (int i = 0; i < raw.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = raw.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertInvalid(B64.encodeToString(flipped));
            }
        }
    }

    @Test
    void everyBitFlipOfTheTokenTextIsRejected() {
        for (int i = 0; i < token.length(); i++) {
            for (int bit = 0; bit < 16; bit++) {
                char[] chars = token.toCharArray();
                chars[i] ^= (char) (1 << bit);
                assertInvalid(new String(chars));
            }
        }
    }

    @Test
    void everyTruncationIsRejected() {
        for (int n = 0; n < token.length(); n++) {
            assertInvalid(token.substring(0, n));
            assertInvalid(token.substring(token.length() - n));
        }
        for (int n = 0; n < raw.length; n++) {
            assertInvalid(B64.encodeToString(Arrays.copyOf(raw, n)));
        }
    }

    @Test
    void everyExtensionIsRejected() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .";
        for (char c : alphabet.toCharArray()) {
            assertInvalid(token + c);
            assertInvalid(c + token);
        }
        for (int b = 0; b < 256; b++) {
            byte[] longer = Arrays.copyOf(raw, raw.length + 1);
            longer[raw.length] = (byte) b;
            assertInvalid(B64.encodeToString(longer));
        }
        assertInvalid(token + token);
    }

    @Test
    void paddedOrNonCanonicalSpellingsOfAValidTokenAreRejected() {
        String padded = Base64.getUrlEncoder().encodeToString(raw);
        if (!padded.equals(token)) {
            assertInvalid(padded);
        }
        int spareBits = (6 - (raw.length * 8) % 6) % 6;
        if (spareBits > 0) { // the last character carries unused bits: setting one gives the same bytes
            char[] chars = token.toCharArray();
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int last = alphabet.indexOf(chars[chars.length - 1]);
            chars[chars.length - 1] = alphabet.charAt(last | 1);
            String sameBytes = new String(chars);
            assertThat(Base64.getUrlDecoder().decode(sameBytes)).isEqualTo(raw);
            assertInvalid(sameBytes);
        }
        String standardAlphabet = token.replace('-', '+').replace('_', '/');
        if (!standardAlphabet.equals(token)) { // a token without '-' or '_' is spelt the same in both alphabets
            assertInvalid(standardAlphabet);
        }
    }

    @Test
    void aTokenOfAnotherRootKeyIsRejected() { // another deployment, or a forger without the root key
        String foreign = new GrantTokens(DerivingRoot.random()).mint(grant);
        assertInvalid(foreign);
    }

    @Test
    void aForgedTagOverAnAlteredGrantIsRejected() {
        byte[] body = Arrays.copyOf(raw, raw.length - GrantTokens.TAG_BYTES);
        Grant wider = new Grant(grant.grantId(), grant.keyArn(), Optional.empty(), grant.creationDate(),
                grant.granteePrincipal(), grant.retiringPrincipal(), grant.issuingAccount(),
                Set.of(GrantOperation.values()), Optional.empty(), GrantState.ACTIVE);
        byte[] widerBody = TokenCodec.encode(wider, new byte[TokenCodec.NONCE_BYTES]);
        byte[] forged = Arrays.copyOf(widerBody, widerBody.length + GrantTokens.TAG_BYTES);
        System.arraycopy(raw, body.length, forged, widerBody.length, GrantTokens.TAG_BYTES); // the genuine tag
        assertInvalid(B64.encodeToString(forged));
    }

    @Test
    void authenticButUnparsableTokensAreRejected() {
        byte[] body = Arrays.copyOf(raw, raw.length - GrantTokens.TAG_BYTES);
        byte[] otherVersion = body.clone();
        otherVersion[0] = 2;
        assertInvalid(tagged(otherVersion));
        byte[] trailing = Arrays.copyOf(body, body.length + 1);
        assertInvalid(tagged(trailing));
        assertInvalid(tagged(Arrays.copyOf(body, body.length - 1)));
        assertThat(tokens.decode(tagged(body)).grant()).isEqualTo(grant); // the helper tags like the service
    }

    @Test
    void emptyNullAndOverlongTokensAreRejected() {
        assertInvalid("");
        assertInvalid(null);
        assertInvalid("A".repeat(GrantTokens.MAX_TOKEN_CHARS + 1));
        assertInvalid(token + "A".repeat(GrantTokens.MAX_TOKEN_CHARS));
    }

    @Test
    void aTokenMintedForOneKeyDoesNotOpenAnother() { // kms-api §4.0: ignored on another key
        GrantToken decoded = tokens.decode(token);
        assertThat(decoded.grantFor(grant.keyArn())).contains(grant);
        assertThat(decoded.grantFor(Ids.unknownKey())).isEmpty();
        assertThat(decoded.grantFor(new io.kmsd.core.key.KeyArn(Ids.OTHER_REGION, grant.keyArn().account(),
                grant.keyArn().keyId()))).isEmpty();
    }

    @Test
    void aGrantTooLargeForATokenIsRefusedWithAValidationError() {
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i < GrantConstraints.MAX_PAIRS; i++) {
            pairs.put("key" + i, "€".repeat(GrantConstraints.MAX_VALUE_CHARS)); // 3 UTF-8 bytes per character
        }
        Grant large = new Grant(GrantId.random(), grant.keyArn(), Optional.empty(), grant.creationDate(),
                new GrantPrincipal("111122223333"), Optional.empty(), grant.issuingAccount(),
                Set.of(GrantOperation.Encrypt), Optional.of(GrantConstraints.equalsContext(pairs)), GrantState.ACTIVE);
        assertFails(() -> tokens.mint(large), KmsError.Validation, "The grant is too large for a grant token of "
                + "at most 8192 characters; use fewer or shorter constraint pairs or principals.");
    }

    @Test
    void tokensShowOnlyTheGrantIdAndKeyWhenPrinted() {
        assertThat(tokens.decode(token).toString())
                .isEqualTo("GrantToken[grant " + grant.grantId() + " on " + grant.keyArn() + "]");
    }
}

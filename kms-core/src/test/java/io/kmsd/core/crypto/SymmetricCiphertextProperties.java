package io.kmsd.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * kms-api §3.5: every single bit flip, every truncation and every extension of a ciphertext is rejected;
 * context changes (missing, extra or changed pair) fail while the order of pairs does not matter.
 */
class SymmetricCiphertextProperties {
    private static final KeyRing RING = TestKeys.ring();

    private static byte[] seal(byte[] plaintext, EncryptionContext ctx) {
        return SymmetricCiphertext.seal(RING, plaintext, ctx);
    }

    private static KmsException rejection(byte[] blob, EncryptionContext ctx) {
        Throwable t = catchThrowable(() -> SymmetricCiphertext.open(RING, blob, ctx));
        assertThat(t).isInstanceOf(KmsException.class);
        return (KmsException) t;
    }

    private static void assertInvalidCiphertext(byte[] blob, EncryptionContext ctx) {
        KmsException e = rejection(blob, ctx);
        assertThat(e.error()).isEqualTo(KmsError.InvalidCiphertext);
        assertThat(e.getMessage()).isEmpty();
    }

    @Property
    void everySingleBitFlipIsRejected(@ForAll @Size(min = 1, max = 64) byte[] plaintext,
                                      @ForAll("contexts") Map<String, String> pairs,
                                      @ForAll @IntRange(min = 0, max = 100_000) int position) {
        EncryptionContext ctx = EncryptionContext.of(pairs);
        byte[] blob = seal(plaintext, ctx);
        int bit = position % (blob.length * 8);
        blob[bit / 8] ^= (byte) (1 << (bit % 8));
        KmsException e = rejection(blob, ctx);
        boolean inKeyId = bit / 8 >= 2 && bit / 8 < 2 + 36;
        if (e.error() == KmsError.IncorrectKey) {
            assertThat(inKeyId).as("IncorrectKey only when the key id bytes name another valid key").isTrue();
        } else {
            assertThat(e.error()).isEqualTo(KmsError.InvalidCiphertext);
            assertThat(e.getMessage()).isEmpty();
        }
    }

    @Property
    void everyTruncationIsRejected(@ForAll @Size(min = 1, max = 64) byte[] plaintext,
                                   @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] blob = seal(plaintext, EncryptionContext.empty());
        byte[] truncated = Arrays.copyOf(blob, cut % blob.length);
        assertInvalidCiphertext(truncated, EncryptionContext.empty());
    }

    @Property
    void everyExtensionIsRejected(@ForAll @Size(min = 1, max = 64) byte[] plaintext,
                                  @ForAll @Size(min = 1, max = 40) byte[] extra) {
        byte[] blob = seal(plaintext, EncryptionContext.empty());
        byte[] extended = Arrays.copyOf(blob, blob.length + extra.length);
        System.arraycopy(extra, 0, extended, blob.length, extra.length);
        assertInvalidCiphertext(extended, EncryptionContext.empty());
    }

    @Property
    void aMissingPairIsRejected(@ForAll("nonEmptyContexts") Map<String, String> pairs) {
        byte[] blob = seal(new byte[] {42}, EncryptionContext.of(pairs));
        Map<String, String> fewer = new HashMap<>(pairs);
        fewer.remove(fewer.keySet().iterator().next());
        assertInvalidCiphertext(blob, EncryptionContext.of(fewer));
    }

    @Property
    void anExtraPairIsRejected(@ForAll("contexts") Map<String, String> pairs, @ForAll("fields") String key,
                               @ForAll("fields") String value) {
        Assume.that(!pairs.containsKey(key));
        byte[] blob = seal(new byte[] {42}, EncryptionContext.of(pairs));
        Map<String, String> more = new HashMap<>(pairs);
        more.put(key, value);
        assertInvalidCiphertext(blob, EncryptionContext.of(more));
    }

    @Property
    void aChangedValueIsRejected(@ForAll("nonEmptyContexts") Map<String, String> pairs, @ForAll("fields") String value) {
        String key = pairs.keySet().iterator().next();
        Assume.that(!pairs.get(key).equals(value));
        byte[] blob = seal(new byte[] {42}, EncryptionContext.of(pairs));
        Map<String, String> changed = new HashMap<>(pairs);
        changed.put(key, value);
        assertInvalidCiphertext(blob, EncryptionContext.of(changed));
    }

    @Property
    void aChangedKeyIsRejected(@ForAll("nonEmptyContexts") Map<String, String> pairs, @ForAll("fields") String newKey) {
        String key = pairs.keySet().iterator().next();
        Assume.that(!pairs.containsKey(newKey));
        byte[] blob = seal(new byte[] {42}, EncryptionContext.of(pairs));
        Map<String, String> changed = new HashMap<>(pairs);
        changed.put(newKey, changed.remove(key));
        assertInvalidCiphertext(blob, EncryptionContext.of(changed));
    }

    @Property
    void pairOrderDoesNotMatter(@ForAll("contexts") Map<String, String> pairs,
                                @ForAll @Size(min = 1, max = 300) byte[] plaintext) {
        byte[] blob = seal(plaintext, EncryptionContext.of(pairs));
        java.util.List<String> order = new java.util.ArrayList<>(pairs.keySet());
        java.util.Collections.reverse(order);
        Map<String, String> reversed = new java.util.LinkedHashMap<>();
        order.forEach(k -> reversed.put(k, pairs.get(k)));
        assertThat(SymmetricCiphertext.open(RING, blob, EncryptionContext.of(reversed)).plaintext())
                .isEqualTo(Plaintext.of(plaintext));
    }

    @Property
    void randomBytesAreNeverAccepted(@ForAll @Size(max = 300) byte[] junk) {
        assertInvalidCiphertext(junk, EncryptionContext.empty());
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(12).filter(EncryptionContext::isWellFormed);
    }

    @Provide
    Arbitrary<Map<String, String>> contexts() {
        return Arbitraries.maps(fields(), fields()).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Map<String, String>> nonEmptyContexts() {
        return Arbitraries.maps(fields(), fields()).ofMinSize(1).ofMaxSize(5);
    }
}

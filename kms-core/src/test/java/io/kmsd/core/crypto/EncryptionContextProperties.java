package io.kmsd.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** kms-api §3.5 canonical form, checked against a naive reference that sorts by UTF-8 bytes. */
class EncryptionContextProperties {

    /** The reference: sort by the keys' UTF-8 bytes (unsigned), then u16 len ‖ key ‖ u16 len ‖ value. */
    private static byte[] reference(Map<String, String> pairs) {
        List<byte[][]> entries = new ArrayList<>();
        pairs.forEach((k, v) -> entries.add(new byte[][] {k.getBytes(StandardCharsets.UTF_8),
                v.getBytes(StandardCharsets.UTF_8)}));
        entries.sort((a, b) -> java.util.Arrays.compareUnsigned(a[0], b[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[][] e : entries) {
            for (byte[] field : e) {
                out.write(field.length >>> 8);
                out.write(field.length & 0xff);
                out.writeBytes(field);
            }
        }
        return out.toByteArray();
    }

    @Property
    void canonicalBytesMatchTheReference(@ForAll("contexts") Map<String, String> pairs) {
        assertThat(EncryptionContext.of(pairs).canonicalBytes()).isEqualTo(reference(pairs));
    }

    @Property
    void insertionOrderDoesNotMatter(@ForAll("contexts") Map<String, String> pairs) {
        List<String> keys = new ArrayList<>(pairs.keySet());
        Collections.shuffle(keys);
        Map<String, String> shuffled = new LinkedHashMap<>();
        keys.forEach(k -> shuffled.put(k, pairs.get(k)));
        assertThat(EncryptionContext.of(shuffled)).isEqualTo(EncryptionContext.of(pairs));
        assertThat(EncryptionContext.of(shuffled).canonicalBytes()).isEqualTo(EncryptionContext.of(pairs).canonicalBytes());
    }

    @Example
    void supplementaryCharactersSortAfterTheHighBmpAsInUtf8() {
        // U+FFFD sorts before U+1F600 in UTF-8, although its UTF-16 unit 0xFFFD is above the surrogate 0xD83D
        var ctx = EncryptionContext.of(Map.of("\uD83D\uDE00", "b", "\uFFFD", "a"));
        assertThat(ctx.pairs().firstKey()).isEqualTo("\uFFFD");
    }

    @Example
    void unpairedSurrogatesAreRejected() {
        assertThatThrownBy(() -> EncryptionContext.of(Map.of("\uD800", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.of(Map.of("k", "x\uDC00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void emptyContextHasNoBytes() {
        assertThat(EncryptionContext.empty().canonicalBytes()).isEmpty();
        assertThat(EncryptionContext.of(null)).isEqualTo(EncryptionContext.empty());
    }

    @Example
    void keysAndValuesAreCaseSensitive() {
        assertThat(EncryptionContext.of(Map.of("A", "b"))).isNotEqualTo(EncryptionContext.of(Map.of("a", "b")));
        assertThat(EncryptionContext.of(Map.of("a", "B"))).isNotEqualTo(EncryptionContext.of(Map.of("a", "b")));
    }

    @Provide
    Arbitrary<Map<String, String>> contexts() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(10).filter(EncryptionContext::isWellFormed);
        return Arbitraries.maps(text, text).ofMaxSize(6);
    }
}

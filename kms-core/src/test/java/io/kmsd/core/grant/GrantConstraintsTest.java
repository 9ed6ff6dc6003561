package io.kmsd.core.grant;

import static io.kmsd.core.testing.KmsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Grant constraints (kms-api §4.9, §5; key-policy-semantics E13): one kind, ≤ 8 pairs, values ≤ 384. */
class GrantConstraintsTest {

    private static Map<String, String> pairs(int n) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put("k" + i, "v" + i);
        }
        return out;
    }

    @Test
    void eightPairsAreAcceptedNineAreNot() { // kms-api §5 grant constraints
        assertThat(GrantConstraints.fromRequest(pairs(8), null)).isPresent();
        assertFails(() -> GrantConstraints.fromRequest(pairs(9), null), KmsError.Validation,
                "Grant constraint EncryptionContextEquals has 9 pairs; at most 8 are allowed.");
        assertFails(() -> GrantConstraints.fromRequest(null, pairs(9)), KmsError.Validation,
                "Grant constraint EncryptionContextSubset has 9 pairs; at most 8 are allowed.");
        assertThatThrownBy(() -> GrantConstraints.subsetOf(pairs(9))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOf384CharactersAreAcceptedLongerAreNot() {
        assertThat(GrantConstraints.fromRequest(Map.of("k", "v".repeat(384)), null)).isPresent();
        assertFails(() -> GrantConstraints.fromRequest(null, Map.of("purpose", "v".repeat(385))),
                KmsError.Validation, "The value of 'purpose' in grant constraint EncryptionContextSubset has 385 "
                        + "characters; at most 384 are allowed.");
    }

    @Test
    void bothKindsAtOnceAreRejected() {
        assertFails(() -> GrantConstraints.fromRequest(Map.of("a", "b"), Map.of("c", "d")), KmsError.Validation,
                "A grant can have only one constraint: EncryptionContextEquals or EncryptionContextSubset, not both.");
    }

    @Test
    void emptyMapsMeanNoConstraint() {
        assertThat(GrantConstraints.fromRequest(null, null)).isEmpty();
        assertThat(GrantConstraints.fromRequest(Map.of(), Map.of())).isEmpty();
        assertThat(GrantConstraints.fromRequest(Map.of(), Map.of("a", "b")))
                .contains(GrantConstraints.subsetOf(Map.of("a", "b")));
        assertThatThrownBy(() -> GrantConstraints.equalsContext(Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyKeysAreRejected() {
        assertFails(() -> GrantConstraints.fromRequest(Map.of("", "b"), null), KmsError.Validation,
                "Grant constraint EncryptionContextEquals has an empty key or a null value.");
    }

    @Test
    void pairsAreKeptSortedSoEqualConstraintsAreEqualWhateverTheInputOrder() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("b", "2");
        forward.put("a", "1");
        GrantConstraints c = GrantConstraints.equalsContext(forward);
        assertThat(c.pairs().keySet()).containsExactly("a", "b");
        assertThat(c).isEqualTo(GrantConstraints.equalsContext(new TreeMap<>(Map.of("a", "1", "b", "2"))));
        assertThat(c).isNotEqualTo(GrantConstraints.subsetOf(forward));
        assertThatThrownBy(() -> c.pairs().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keysDifferingOnlyByCaseAreDistinctPairs() { // AWS allows them (and advises against them)
        Optional<GrantConstraints> c = GrantConstraints.fromRequest(Map.of("Dept", "a", "dept", "b"), null);
        assertThat(c.orElseThrow().pairs()).hasSize(2);
    }
}

package io.kmsd.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ValidationException grammar of kms-api §1.3, item by item. */
class ViolationsTest {

    @Test
    void nothingViolatedThrowsNothing() {
        Violations v = new Violations().required("keyId", "k").length("keyId", "k", 1, 2048).range("limit", 5, 1, 10);
        assertThat(v.isEmpty()).isTrue();
        v.throwIfAny();
    }

    @Test
    void oneViolationIsSingular() {
        assertThat(new Violations().required("keyId", null).message()).isEqualTo("1 validation error detected: "
                + "Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void severalAreCountedAndJoinedBySemicolons() {
        Violations v = new Violations().range("limit", 0, 1, 100).length("marker", "", 1, 1024);
        assertThat(v.message()).isEqualTo("2 validation errors detected: "
                + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void sensitiveBlobDropsItsValueAndOtherBlobsShowTheBufferForm() {
        Blob big = Blob.adopt(new byte[6145]);
        assertThat(new Violations().length("plaintext", big, 1, 4096, true).message())
                .isEqualTo("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
        assertThat(new Violations().length("ciphertextBlob", big, 1, 6144, false).message())
                .isEqualTo("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=6145 cap=6145]' at "
                        + "'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144");
    }

    @Test
    void patternsAndEnumsAreQuotedAsTheModelWritesThem() {
        assertThat(new Violations().pattern("policy", "\u0001", Shapes.POLICY).message()).endsWith(
                "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        assertThat(new Violations().oneOf("keySpec", "AES", Shapes.DATA_KEY_SPEC).message())
                .endsWith("Member must satisfy enum value set: [AES_256, AES_128]");
    }

    @Test
    void listItemsAreOneBased() {
        Violations v = new Violations();
        Shapes.tags(v, List.of(new WireTag("ok", "v"), new WireTag("", "v")), true);
        assertThat(v.message()).contains("at 'tags.2.member.tagKey'");
    }

    @Test
    void tooManyGrantTokensShowsTheList() {
        Violations v = new Violations();
        Shapes.grantTokens(v, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
        assertThat(v.message()).isEqualTo("1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at "
                + "'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10");
    }

    @Test
    void throwsAValidationException() {
        assertThatThrownBy(() -> new Violations().required("x", null).throwIfAny())
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.error()).isEqualTo(KmsError.Validation));
    }
}

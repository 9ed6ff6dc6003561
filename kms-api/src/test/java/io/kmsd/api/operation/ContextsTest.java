package io.kmsd.api.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wire encryption contexts (kms-api §3.5): what the wire may carry that core's context refuses. */
class ContextsTest {

    @Test
    void absentIsEmpty() {
        assertThat(Contexts.of("EncryptionContext", null).isEmpty()).isTrue();
    }

    @Test
    void orderDoesNotMatter() {
        assertThat(Contexts.of("EncryptionContext", Map.of("b", "2", "a", "1")))
                .isEqualTo(Contexts.of("EncryptionContext", Map.of("a", "1", "b", "2")));
    }

    @Test
    void nullValueIsASerializationError() {
        Map<String, String> pairs = new HashMap<>();
        pairs.put("a", null);
        assertThatThrownBy(() -> Contexts.of("SourceEncryptionContext", pairs))
                .isInstanceOfSatisfying(KmsException.class, e -> {
                    assertThat(e.error()).isEqualTo(KmsError.Serialization);
                    assertThat(e.getMessage()).contains("SourceEncryptionContext");
                });
    }

    @Test
    void loneSurrogateIsAValidationErrorOnTheMember() {
        assertThatThrownBy(() -> Contexts.of("EncryptionContext", Map.of("k", "\ud800")))
                .isInstanceOfSatisfying(KmsException.class, e -> {
                    assertThat(e.error()).isEqualTo(KmsError.Validation);
                    assertThat(e.getMessage()).contains("at 'encryptionContext'");
                });
    }
}

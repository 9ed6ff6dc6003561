package io.kmsd.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies to records and back (kms-api §1.1): strict types, absent nulls, base64 blobs that never print. */
class WireCodecTest {
    static final WireCodec CODEC = WireCodec.standard();

    record Sample(@JsonProperty("Name") String name, @JsonProperty("Count") Integer count,
                  @JsonProperty("Flag") Boolean flag, @JsonProperty("Data") Blob data,
                  @JsonProperty("Pairs") Map<String, String> pairs, @JsonProperty("List") List<String> list) {
    }

    static Sample decode(String json) {
        return CODEC.decode(json.getBytes(StandardCharsets.UTF_8), Sample.class);
    }

    static void serializationError(String json, String message) {
        assertThatThrownBy(() -> decode(json)).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.error()).isEqualTo(KmsError.Serialization);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void readsEveryMemberType() {
        Sample s = decode("{\"Name\":\"n\",\"Count\":3,\"Flag\":true,\"Data\":\"AAEC\",\"Pairs\":{\"a\":\"b\"},"
                + "\"List\":[\"x\"]}");
        assertThat(s.name()).isEqualTo("n");
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.flag()).isTrue();
        assertThat(s.data().bytes()).containsExactly(0, 1, 2);
        assertThat(s.pairs()).containsEntry("a", "b");
        assertThat(s.list()).containsExactly("x");
    }

    @Test
    void nullMembersAreAbsent() {
        Sample s = decode("{\"Name\":null,\"Data\":null}");
        assertThat(s.name()).isNull();
        assertThat(s.data()).isNull();
    }

    @Test
    void noTypeIsCoercedIntoAnother() {
        serializationError("{\"Name\": 5}", "Member 'Name' has an unexpected JSON type or value.");
        serializationError("{\"Name\": true}", "Member 'Name' has an unexpected JSON type or value.");
        serializationError("{\"Count\": \"5\"}", "Member 'Count' has an unexpected JSON type or value.");
        serializationError("{\"Count\": 5.0}", "Member 'Count' has an unexpected JSON type or value.");
        serializationError("{\"Flag\": 1}", "Member 'Flag' has an unexpected JSON type or value.");
        serializationError("{\"Flag\": \"true\"}", "Member 'Flag' has an unexpected JSON type or value.");
        serializationError("{\"Data\": 12}", "Member 'Data' has an unexpected JSON type or value.");
        serializationError("{\"Pairs\": \"a=b\"}", "Member 'Pairs' has an unexpected JSON type or value.");
        serializationError("{\"List\": \"x\"}", "Member 'List' has an unexpected JSON type or value.");
        serializationError("{\"List\": [1]}", "Member 'List[0]' has an unexpected JSON type or value.");
    }

    @Test
    void badBase64IsNamedNotShown() {
        serializationError("{\"Data\": \"not base64 secret\"}", "Member 'Data' is not valid base64.");
    }

    @Test
    void notAnObjectOrNotJson() {
        serializationError("[]", "The request body must be a JSON object.");
        serializationError("\"text\"", "The request body must be a JSON object.");
        serializationError("{", "The request body is not valid JSON.");
        serializationError("{} []", "The request body is not valid JSON.");
    }

    @Test
    void writesOnlyPresentMembers() {
        Sample s = new Sample("n", null, null, Blob.adopt(new byte[] {(byte) 0xff}), null, List.of());
        assertThat(new String(CODEC.encode(s), StandardCharsets.UTF_8))
                .isEqualTo("{\"Name\":\"n\",\"Data\":\"/w==\",\"List\":[]}");
    }

    @Test
    void blobsPrintTheirLengthOnly() {
        Blob secret = Blob.adopt("top secret".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.toString()).isEqualTo("Blob[10 bytes]");
        assertThat(new Sample(null, null, null, secret, null, null).toString()).doesNotContain("top secret");
    }
}

package io.kmsd.api.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Base64;

/**
 * A blob member: bytes carried as standard base64 with padding in a JSON string (kms-api §1.1). It prints
 * its length only, so a plaintext blob cannot leak through a log line or an error message.
 */
@JsonDeserialize(using = Blob.Reader.class)
@JsonSerialize(using = Blob.Writer.class)
public final class Blob {
    private final byte[] bytes;

    private Blob(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A blob that owns {@code bytes} (no copy: the caller hands them over). */
    public static Blob adopt(byte[] bytes) {
        return new Blob(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, for callers that hand them straight on and never keep or change them. */
    public byte[] unsafeBytes() {
        return bytes;
    }

    /**
     * How the live service prints a non-sensitive blob in a ValidationException (kms-api §1.3): the Java
     * {@code ByteBuffer} form, never the content.
     */
    public String describe() {
        return "java.nio.HeapByteBuffer[pos=0 lim=" + bytes.length + " cap=" + bytes.length + "]";
    }

    @Override
    public String toString() {
        return "Blob[" + bytes.length + " bytes]";
    }

    /** Reads a JSON string as base64; anything else, or bad base64, fails (→ SerializationException). */
    static final class Reader extends JsonDeserializer<Blob> {
        @Override
        public Blob deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Blob) ctx.handleUnexpectedToken(Blob.class, p);
            }
            try {
                return new Blob(Base64.getDecoder().decode(p.getText()));
            } catch (IllegalArgumentException e) {
                return (Blob) ctx.handleWeirdStringValue(Blob.class, p.getText(), "not valid base64");
            }
        }
    }

    /** Writes the bytes as standard base64. */
    static final class Writer extends JsonSerializer<Blob> {
        @Override
        public void serialize(Blob blob, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Base64.getEncoder().encodeToString(blob.bytes));
        }
    }
}

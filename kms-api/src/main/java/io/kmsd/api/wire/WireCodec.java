package io.kmsd.api.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request bodies to request records and response records to bodies (kms-api §1.1). Malformed input becomes
 * a SerializationException whose message names the member, never its value (it may be plaintext).
 */
public final class WireCodec {
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public WireCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer();
    }

    public static WireCodec standard() {
        return new WireCodec(WireJson.newMapper());
    }

    /** Reads {@code body} (empty ≡ {@code {}}, {@code null} ≡ {@code {}}) as a {@code type}. */
    public <T> T decode(byte[] body, Class<T> type) {
        ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
        byte first = firstSignificant(body);
        if (first != '{' && first != 'n' && first != 0) {
            throw new KmsException(KmsError.Serialization, "The request body must be a JSON object.");
        }
        try {
            T value = reader.readValue(first == 0 ? EMPTY_OBJECT : body);
            return value != null ? value : reader.readValue(EMPTY_OBJECT);
        } catch (JsonProcessingException e) {
            throw new KmsException(KmsError.Serialization, describe(e));
        } catch (IOException e) {
            throw new KmsException(KmsError.Serialization, "The request body could not be read.");
        }
    }

    public byte[] encode(Object response) {
        try {
            return writer.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response of type " + response.getClass().getName()
                    + " cannot be written as JSON", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        if (!(e instanceof DatabindException mapping)) {
            return "The request body is not valid JSON.";
        }
        String member = path((JsonMappingException) mapping);
        if (member.isEmpty()) {
            return "The request body is not valid JSON.";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == Blob.class) {
            return "Member '" + member + "' is not valid base64.";
        }
        return "Member '" + member + "' has an unexpected JSON type or value.";
    }

    /** The first byte that is not JSON whitespace; 0 for an empty or blank body. */
    private static byte firstSignificant(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
        }
        return 0;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}

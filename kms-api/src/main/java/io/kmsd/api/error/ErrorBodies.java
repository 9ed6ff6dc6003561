package io.kmsd.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.core.error.KmsError;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Error bodies of kms-api §1.2: {@code {"__type":"NotFoundException","message":"..."}}; AccessDeniedException
 * spells its member {@code Message}, as the service does.
 */
public final class ErrorBodies {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The message of every internal error: it says nothing about the cause (that is in the log). */
    public static final String INTERNAL_MESSAGE =
            "The request processing has failed because of an unknown error, exception or failure.";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    /** An error body read back (the audit trail of requests Jersey answered): its error type and message. */
    public record Parsed(KmsError error, String message) {
    }

    /** Reads a body written by {@link #of}; empty for anything else. */
    public static Optional<Parsed> read(Object entity) {
        if (!(entity instanceof byte[] bytes)) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(bytes);
            String type = body.path("__type").asText("");
            String message = body.has("Message") ? body.path("Message").asText() : body.path("message").asText("");
            return Arrays.stream(KmsError.values()).filter(e -> e.wireName().equals(type)).findFirst()
                    .map(e -> new Parsed(e, message));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static byte[] of(KmsError error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.wireName());
        body.put(error == KmsError.AccessDenied ? "Message" : "message", message == null ? "" : message);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body cannot be written", e);
        }
    }
}

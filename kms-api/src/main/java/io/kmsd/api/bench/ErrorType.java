package io.kmsd.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Names a failed request the way the SDKs do: the {@code __type} of the error body, else the HTTP status. */
final class ErrorType {
    private ErrorType() {
    }

    /** {@code __type} with any {@code ns#} prefix and {@code :…} suffix removed (kms-api §1.2). */
    static String of(HttpConnection.Response response, ObjectMapper json) {
        String type = typeMember(response, json);
        if (type == null || type.isBlank()) {
            return "HTTP " + response.status();
        }
        int hash = type.lastIndexOf('#');
        String bare = hash >= 0 ? type.substring(hash + 1) : type;
        int colon = bare.indexOf(':');
        return colon >= 0 ? bare.substring(0, colon) : bare;
    }

    /** The error's message member ({@code message} or {@code Message}), or empty. */
    static String message(HttpConnection.Response response, ObjectMapper json) {
        JsonNode node = parse(response, json);
        if (node == null) {
            return "";
        }
        JsonNode m = node.has("message") ? node.get("message") : node.get("Message");
        return m == null || m.isNull() ? "" : m.asText();
    }

    /** A transport failure, named by its exception class. */
    static String of(IOException e) {
        return "I/O " + e.getClass().getSimpleName();
    }

    private static String typeMember(HttpConnection.Response response, ObjectMapper json) {
        JsonNode node = parse(response, json);
        JsonNode type = node == null ? null : node.get("__type");
        return type == null || !type.isTextual() ? null : type.asText();
    }

    private static JsonNode parse(HttpConnection.Response response, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}

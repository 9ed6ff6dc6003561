package io.kmsd.api.protocol;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** A request as the HTTP layer hands it to the {@link Dispatcher}: nothing read from the body yet. */
public record Exchange(String requestId, String method, String rawPath, String rawQuery,
                       Map<String, List<String>> headers, InputStream body, Call.ClientInfo client) {
}

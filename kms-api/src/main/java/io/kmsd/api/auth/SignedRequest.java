package io.kmsd.api.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as received, everything SigV4 covers: method, raw path and query (still percent-encoded),
 * headers (names lower-cased, values in arrival order) and the raw body bytes.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = lowerCased(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, if sent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, empty if not sent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + ", " + body.length + " bytes]";
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new HashMap<>(headers.size() * 2);
        headers.forEach((name, values) -> out.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> concat(a, b)));
        return Map.copyOf(out);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

package io.kmsd.api.protocol;

import io.kmsd.api.auth.AuthorizationHeader;
import io.kmsd.core.error.KmsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a request that failed authentication claimed to be: the access key id and Region of its
 * {@code Authorization} header, if that header parses, and the operation its {@code X-Amz-Target} names, if that
 * is one of the model's. The audit record of such a request names them, as CloudTrail does for a failed signature.
 */
final class Claims {
    private static final int MAX_CLAIM = 128;

    private Claims() {
    }

    static Optional<CallRecord.Claimed> of(Map<String, List<String>> headers) {
        return header(headers, "authorization").flatMap(Claims::parse);
    }

    /** The model operation {@code X-Amz-Target} names; empty for anything else. */
    static Optional<String> operation(Map<String, List<String>> headers) {
        return header(headers, "x-amz-target").filter(t -> t.startsWith(Dispatcher.TARGET_PREFIX))
                .map(t -> t.substring(Dispatcher.TARGET_PREFIX.length()))
                .filter(OperationTable.MODEL_OPERATIONS::contains);
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static Optional<CallRecord.Claimed> parse(String header) {
        try {
            AuthorizationHeader h = AuthorizationHeader.parse(header);
            return Optional.of(new CallRecord.Claimed(cut(h.accessKeyId()), cut(h.scopeRegion())));
        } catch (KmsException e) {
            return Optional.empty();
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_CLAIM ? s : s.substring(0, MAX_CLAIM);
    }
}

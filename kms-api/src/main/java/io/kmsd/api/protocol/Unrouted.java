package io.kmsd.api.protocol;

import io.kmsd.core.error.KmsError;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audits the requests the {@link Dispatcher} never sees (issue 5: an event for every request that reaches the
 * server): another path or method ({@code GET /}, {@code POST /foo}), answered by {@link KmsServlet} or by Jersey
 * ({@link UnroutedAuditFilter}). The event names the method and path it was sent with, the error as returned,
 * and the caller only as claimed: no signature is verified for a request that is refused anyway, so the identity
 * is {@code Unknown} with the access key id of its {@code Authorization} header, if that parses (as for a failed
 * signature). Not audited: {@code GET /ping} (a liveness probe, like a load balancer's health check, which
 * CloudTrail does not record either) and bytes Jetty cannot parse as HTTP at all (no request exists).
 */
public final class Unrouted {
    /** Request property set by the adapters that hand the request to the dispatcher (which audits it itself). */
    public static final String DISPATCHED = "io.kmsd.dispatched";
    static final int MAX_PATH = 256;
    private static final String UNKNOWN = "Unknown";

    private final AuditHook audit;
    private final Clock clock;

    public Unrouted(AuditHook audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes the request's event before its response is sent; throws the hook's {@code KmsException} when the trail
     * cannot be written (fail closed: the caller answers that instead).
     */
    public void record(String requestId, String method, String path, Map<String, List<String>> headers,
                       Call.ClientInfo client, Optional<KmsError> error, String message) {
        Map<String, Object> how = Map.of("HttpMethod", cut(method), "RequestPath", cut(path == null ? "" : path));
        audit.record(new CallRecord(requestId, Claims.operation(headers).orElse(UNKNOWN), clock.instant(),
                Optional.empty(), Optional.empty(), client, Claims.of(headers), List.of(), Map.of(), List.of(), how,
                Map.of(), error, message));
    }

    private static String cut(String s) {
        return s.length() <= MAX_PATH ? s : s.substring(0, MAX_PATH);
    }
}

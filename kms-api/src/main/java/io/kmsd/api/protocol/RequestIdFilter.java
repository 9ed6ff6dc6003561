package io.kmsd.api.protocol;

import io.kmsd.api.error.KmsExceptionMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.MDC;

/**
 * Gives every request an id before anything else runs — also requests no resource matches — and sends it back
 * as {@code x-amzn-RequestId} on every response, errors included (kms-api §1.1). While the request runs the id
 * is in the logging MDC, so every failure logged for it names it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String PROPERTY = "io.kmsd.requestId";
    public static final String HEADER = "x-amzn-RequestId";

    @Override
    public void filter(ContainerRequestContext request) {
        String id = RequestIds.next();
        request.setProperty(PROPERTY, id);
        MDC.put(KmsExceptionMapper.REQUEST_ID_MDC, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(HEADER, id != null ? id : RequestIds.next());
        MDC.remove(KmsExceptionMapper.REQUEST_ID_MDC);
    }

    /** The id of the request, set by the request filter. */
    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id != null ? id.toString() : RequestIds.next();
    }
}

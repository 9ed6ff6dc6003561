package io.kmsd.api.protocol;

import io.kmsd.api.error.ErrorBodies;
import io.kmsd.api.error.JettyErrors;
import io.kmsd.core.error.KmsException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The audit event of every request Jersey answers without the dispatcher (no resource for the path, method not
 * allowed, ...), written by {@link Unrouted} before the response is sent. The error is the one the exception mapper
 * answered for that status. If the trail cannot be written, the response becomes the hook's refusal (fail closed).
 */
@Provider
@Priority(Priorities.USER)
public final class UnroutedAuditFilter implements ContainerResponseFilter {
    private final Unrouted unrouted;
    @Context
    private HttpServletRequest servlet;

    public UnroutedAuditFilter(Unrouted unrouted) {
        this.unrouted = unrouted;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(Unrouted.DISPATCHED) != null) {
            return;
        }
        Optional<ErrorBodies.Parsed> error = error(response);
        try {
            unrouted.record(RequestIdFilter.of(request), request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath(), request.getHeaders(), client(request),
                    error.map(ErrorBodies.Parsed::error), error.map(ErrorBodies.Parsed::message).orElse(""));
        } catch (KmsException refused) {
            response.setStatus(refused.error().httpStatus());
            response.setEntity(ErrorBodies.of(refused.error(), refused.getMessage()));
        }
    }

    /** The error the exception mapper answered (its body says which), else the one its status stands for. */
    private static Optional<ErrorBodies.Parsed> error(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return Optional.empty();
        }
        return ErrorBodies.read(response.getEntity()).or(() -> Optional.of(
                new ErrorBodies.Parsed(JettyErrors.errorFor(status), JettyErrors.messageFor(status))));
    }

    private Call.ClientInfo client(ContainerRequestContext request) {
        Optional<String> ip;
        try {
            ip = Optional.ofNullable(servlet).map(HttpServletRequest::getRemoteAddr);
        } catch (IllegalStateException e) {
            ip = Optional.empty(); // no servlet request behind this call (in-memory test container)
        }
        return new Call.ClientInfo(ip, Optional.ofNullable(request.getHeaderString("User-Agent")),
                request.getSecurityContext().isSecure());
    }
}

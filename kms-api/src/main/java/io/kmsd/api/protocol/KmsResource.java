package io.kmsd.api.protocol;

import io.kmsd.api.error.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * The JAX-RS adapter of the KMS protocol, used where the protocol runs inside Jersey alone (the resource-level
 * tests with Dropwizard's ResourceExtension); the server itself answers {@code POST /} with {@link KmsHandler},
 * which adapts the same {@link Dispatcher} without JAX-RS's per-request cost. The protocol (kms-api §1.1): {@code POST /}, any content type (the dispatcher checks
 * it after authentication, §1.4), the body as raw bytes. It only adapts JAX-RS to the {@link Dispatcher};
 * failures travel as exceptions to the one exception mapper.
 */
@Path("/")
public final class KmsResource {
    private final Dispatcher dispatcher;

    public KmsResource(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response call(@Context ContainerRequestContext request, @Context HttpServletRequest servlet,
                         InputStream body) {
        request.setProperty(Unrouted.DISPATCHED, Boolean.TRUE); // the dispatcher audits it
        URI uri = request.getUriInfo().getRequestUri();
        Exchange exchange = new Exchange(RequestIdFilter.of(request), request.getMethod(), uri.getRawPath(),
                uri.getRawQuery(), request.getHeaders(), body, client(request, servlet));
        byte[] out = dispatcher.dispatch(exchange);
        return Response.ok(out, ErrorBodies.CONTENT_TYPE).build();
    }

    private static Call.ClientInfo client(ContainerRequestContext request, HttpServletRequest servlet) {
        Optional<String> ip = Optional.ofNullable(servlet).map(KmsResource::remoteAddress);
        Optional<String> agent = Optional.ofNullable(request.getHeaderString("User-Agent"));
        return new Call.ClientInfo(ip, agent, request.getSecurityContext().isSecure());
    }

    private static String remoteAddress(HttpServletRequest servlet) {
        try {
            return servlet.getRemoteAddr();
        } catch (IllegalStateException e) {
            return null; // no servlet request behind this call (in-memory test container)
        }
    }
}

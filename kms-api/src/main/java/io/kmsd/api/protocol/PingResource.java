package io.kmsd.api.protocol;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /ping} on the API port: {@code {}}, no authentication, no work. It measures the HTTP stack alone
 * (the load tool's {@code Ping}) and tells a load balancer the port is up.
 */
@Path("/ping")
public final class PingResource {

    @GET
    public Response ping() {
        return Response.ok(new byte[] {'{', '}'}, "application/json").build();
    }
}

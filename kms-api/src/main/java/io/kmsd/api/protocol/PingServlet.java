package io.kmsd.api.protocol;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /ping} on the API port: {@code {}}, no authentication, no work. Served by a servlet on the same
 * Jetty as {@link KmsServlet}, so the load tool's {@code Ping} measures exactly the HTTP stack our own work sits
 * on, and a load balancer can tell the port is up.
 */
public final class PingServlet extends HttpServlet {
    private static final byte[] BODY = {'{', '}'};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(RequestIdFilter.HEADER, RequestIds.next());
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}

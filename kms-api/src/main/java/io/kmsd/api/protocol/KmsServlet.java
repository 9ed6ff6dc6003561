package io.kmsd.api.protocol;

import io.kmsd.api.error.ErrorBodies;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every request on the context root that {@link KmsHandler} does not answer, i.e. any method other than POST:
 * UnknownOperation, audited first. {@code POST /} itself never reaches a servlet (KmsHandler says why), and every
 * other path goes to Jersey, whose {@link KmsResource} and exception mapper answer in the same shapes.
 */
public final class KmsServlet extends HttpServlet {
    static final String SEND_POST = "Send POST / with an X-Amz-Target header of the form TrentService.<Operation>.";
    private final transient Unrouted unrouted;

    /** {@code unrouted} audits the requests answered here. */
    public KmsServlet(Unrouted unrouted) {
        this.unrouted = unrouted;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuseMethod(request, response);
    }

    /** Another method on {@code /}: UnknownOperation, audited first (or the audit refusal if it cannot be). */
    private void refuseMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = RequestIds.next();
        response.setHeader(RequestIdFilter.HEADER, id);
        try {
            unrouted.record(id, request.getMethod(), request.getRequestURI(), headers(request), client(request),
                    Optional.of(KmsError.UnknownOperation), SEND_POST);
        } catch (KmsException refused) {
            write(response, refused.error().httpStatus(), ErrorBodies.of(refused.error(), refused.getMessage()));
            return;
        }
        write(response, 400, ErrorBodies.of(KmsError.UnknownOperation, SEND_POST));
    }

    private static Call.ClientInfo client(HttpServletRequest request) {
        return new Call.ClientInfo(Optional.ofNullable(request.getRemoteAddr()),
                Optional.ofNullable(request.getHeader("User-Agent")), request.isSecure());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(ErrorBodies.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

package io.kmsd.api.protocol;

import io.kmsd.api.error.ErrorBodies;
import io.kmsd.api.error.KmsExceptionMapper;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /} served by a plain servlet mapped to the context root exactly, in front of Jersey: the KMS
 * protocol needs none of JAX-RS's routing or entity machinery, and skipping it is the largest single saving on
 * the hot path (measured with {@code ./kms load}; see the README's performance section). Every other path and
 * method still goes to Jersey, whose {@link KmsResource} and exception mapper answer in the same shapes.
 */
public final class KmsServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(KmsServlet.class);
    static final String SEND_POST = "Send POST / with an X-Amz-Target header of the form TrentService.<Operation>.";
    private final transient Dispatcher dispatcher;
    private final transient Unrouted unrouted;

    public KmsServlet(Dispatcher dispatcher) {
        this(dispatcher, new Unrouted(AuditHook.NONE, java.time.Clock.systemUTC()));
    }

    /** {@code unrouted} audits the requests answered here without the dispatcher (another method than POST). */
    public KmsServlet(Dispatcher dispatcher, Unrouted unrouted) {
        this.dispatcher = dispatcher;
        this.unrouted = unrouted;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = RequestIds.next();
        MDC.put(KmsExceptionMapper.REQUEST_ID_MDC, id);
        response.setHeader(RequestIdFilter.HEADER, id);
        try {
            write(response, 200, dispatcher.dispatch(exchange(id, request)));
        } catch (KmsException e) {
            write(response, e.error().httpStatus(), ErrorBodies.of(e.error(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("request {} failed with an internal error", id, e);
            write(response, 500, ErrorBodies.of(KmsError.KMSInternal, ErrorBodies.INTERNAL_MESSAGE));
        } finally {
            MDC.remove(KmsExceptionMapper.REQUEST_ID_MDC);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            refuseMethod(request, response);
            return;
        }
        doPost(request, response);
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

    private static Exchange exchange(String id, HttpServletRequest request) throws IOException {
        return new Exchange(id, request.getMethod(), request.getRequestURI(), request.getQueryString(),
                headers(request), request.getInputStream(), client(request));
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

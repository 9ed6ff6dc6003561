package io.kmsd.api.protocol;

import io.kmsd.api.error.ErrorBodies;
import io.kmsd.api.error.KmsExceptionMapper;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /} and {@code GET /ping} answered by a Jetty handler inside the application context, ahead of its
 * servlets. The servlet layer Dropwizard puts in front of every servlet (ServletChannel, HttpOutput, and the
 * filters that rename the thread twice per request, each rename a system call) cost about 9% of the server's CPU
 * per Encrypt, measured with async-profiler under {@code ./kms load}. Everything else (other methods on
 * {@code /}, other paths) passes on to {@link KmsServlet} and Jersey unchanged, so they answer as before.
 */
public final class KmsHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(KmsHandler.class);
    private static final byte[] PING_BODY = {'{', '}'};
    private final Dispatcher dispatcher;

    public KmsHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if ("/".equals(path) && HttpMethod.POST.is(request.getMethod())) {
            protocol(request, response, callback);
            return true;
        }
        if ("/ping".equals(path) && HttpMethod.GET.is(request.getMethod())) {
            respond(response, callback, 200, "application/json", RequestIds.next(), PING_BODY);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * Answers from the dispatcher's completion: with the audit trail on, that is the trail's writer thread once
     * the event is on disk, and this thread has long gone back to Jetty (a response write does not block).
     */
    private void protocol(Request request, Response response, Callback callback) {
        String id = RequestIds.next();
        MDC.put(KmsExceptionMapper.REQUEST_ID_MDC, id);
        CompletionStage<byte[]> outcome;
        try {
            outcome = dispatcher.dispatchAsync(exchange(id, request));
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove(KmsExceptionMapper.REQUEST_ID_MDC);
        }
        outcome.whenComplete((body, failure) -> answer(response, callback, id, body, failure));
    }

    /** Never throws: on the trail's thread an exception would vanish and leave the exchange open. */
    private static void answer(Response response, Callback callback, String id, byte[] body, Throwable failure) {
        try {
            reply(response, callback, id, body, failure);
        } catch (RuntimeException e) {
            LOG.error("request {}: the response could not be written", id, e);
            callback.failed(e);
        }
    }

    private static void reply(Response response, Callback callback, String id, byte[] body, Throwable failure) {
        if (failure == null) {
            respond(response, callback, 200, ErrorBodies.CONTENT_TYPE, id, body);
        } else if (Dispatcher.unwrap(failure) instanceof KmsException e) {
            respond(response, callback, e.error().httpStatus(), ErrorBodies.CONTENT_TYPE, id,
                    ErrorBodies.of(e.error(), e.getMessage()));
        } else {
            LOG.error("request {} failed with an internal error", id, Dispatcher.unwrap(failure));
            respond(response, callback, 500, ErrorBodies.CONTENT_TYPE, id,
                    ErrorBodies.of(KmsError.KMSInternal, ErrorBodies.INTERNAL_MESSAGE));
        }
    }

    private static Exchange exchange(String id, Request request) {
        Call.ClientInfo client = new Call.ClientInfo(Optional.ofNullable(Request.getRemoteAddr(request)),
                Optional.ofNullable(request.getHeaders().get(HttpHeader.USER_AGENT)), request.isSecure());
        InputStream body = Content.Source.asInputStream(request);
        return new Exchange(id, request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers(request), body, client);
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), n -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }

    private static void respond(Response response, Callback callback, int status, String contentType, String id,
                                byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(RequestIdFilter.HEADER, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}

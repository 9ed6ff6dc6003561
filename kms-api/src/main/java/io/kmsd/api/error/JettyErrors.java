package io.kmsd.api.error;

import io.kmsd.core.error.KmsError;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Failures Jetty answers itself, before any resource runs (malformed HTTP, headers or URI too long, errors in
 * the servlet layer): AWS-shaped JSON bodies instead of Jetty's HTML pages, with a request id header.
 */
public final class JettyErrors {
    private JettyErrors() {
    }

    /** The error type for an HTTP status Jetty or Jersey chose (the audit trail names it too). */
    public static KmsError errorFor(int status) {
        return status >= 500 ? KmsError.KMSInternal : KmsExceptionMapper.framework(status);
    }

    /** The message answered with {@link #errorFor}: the exception mapper's for a client error. */
    public static String messageFor(int status) {
        return status >= 500 ? ErrorBodies.INTERNAL_MESSAGE : KmsExceptionMapper.frameworkMessage(status);
    }

    static byte[] body(int status) {
        KmsError error = errorFor(status);
        String message = error == KmsError.KMSInternal ? ErrorBodies.INTERNAL_MESSAGE
                : "The request could not be read (HTTP " + status + ").";
        return ErrorBodies.of(error, message);
    }

    static void respond(Response response, int status, Callback callback) {
        response.setStatus(errorFor(status).httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE);
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    /** For the {@code Server}: connection-level and unhandled failures. */
    public static final class ServerHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            JettyErrors.respond(response, code, callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE));
            return ByteBuffer.wrap(body(status));
        }
    }

    /** For the application's servlet context. */
    public static final class ServletHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) {
            JettyErrors.respond(response, code, callback);
            return true;
        }
    }
}

package io.kmsd.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one exception mapper. KmsExceptions keep their type and message (the dispatcher has logged them); Jersey's own failures become the
 * service's framework errors (unknown path or method → UnknownOperationException, unreadable entity →
 * SerializationException, too large → ValidationException); everything else is a bug, answered with an
 * opaque KMSInternalException while the stack trace is logged under the request id.
 */
@Provider
public final class KmsExceptionMapper implements ExceptionMapper<Throwable> {
    public static final String REQUEST_ID_MDC = "requestId";
    private static final Logger LOG = LoggerFactory.getLogger(KmsExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof KmsException e) {
            return respond(e.error(), e.getMessage());
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            LOG.info("request {} failed before dispatch: HTTP {} ({})", MDC.get(REQUEST_ID_MDC), status,
                    framework(status).wireName());
            return respond(framework(status), frameworkMessage(status));
        }
        if (failure instanceof JsonProcessingException) {
            LOG.info("request {} failed: its JSON could not be read", MDC.get(REQUEST_ID_MDC));
            return respond(KmsError.Serialization, "The request body is not valid JSON.");
        }
        LOG.error("request {} failed with an internal error", MDC.get(REQUEST_ID_MDC), failure);
        return respond(KmsError.KMSInternal, ErrorBodies.INTERNAL_MESSAGE);
    }

    public static Response respond(KmsError error, String message) {
        return Response.status(error.httpStatus()).type(ErrorBodies.CONTENT_TYPE)
                .entity(ErrorBodies.of(error, message)).build();
    }

    /** The framework error a plain HTTP client-error status stands for. */
    static KmsError framework(int status) {
        return switch (status) {
            case 404, 405 -> KmsError.UnknownOperation;
            case 413 -> KmsError.Validation;
            default -> KmsError.Serialization;
        };
    }

    static String frameworkMessage(int status) {
        return switch (status) {
            case 404, 405 -> "Send POST / with an X-Amz-Target header of the form TrentService.<Operation>.";
            case 413 -> "The request is too large.";
            default -> "The request could not be read (HTTP " + status + ").";
        };
    }
}

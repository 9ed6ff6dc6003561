package io.kmsd.api.protocol;

import io.kmsd.api.wire.WireRequest;

/**
 * One KMS operation: decode (the request record), authorize, call core, encode (the response record).
 * The dispatcher has already authenticated the caller, parsed the body into {@link #requestType()} and
 * checked its model constraints.
 *
 * @param <Q> the operation's request record
 */
public interface OperationHandler<Q extends WireRequest> {

    /** The wire operation name, {@code Encrypt} for {@code TrentService.Encrypt}. */
    String name();

    Class<Q> requestType();

    /** The response record (written with only its non-null members), or {@link NoOutput}. */
    Object handle(Call call, Q request);
}

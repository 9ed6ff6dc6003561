package io.kmsd.api.operation;

import io.kmsd.api.protocol.OperationHandler;
import io.kmsd.api.wire.WireRequest;

/** A handler's name and request type, and the {@link KeyAccess} every handler uses. */
abstract class BaseHandler<Q extends WireRequest> implements OperationHandler<Q> {
    protected final KeyAccess access;
    private final String name;
    private final Class<Q> requestType;

    BaseHandler(String name, Class<Q> requestType, KeyAccess access) {
        this.name = name;
        this.requestType = requestType;
        this.access = access;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<Q> requestType() {
        return requestType;
    }

    /** {@code kms:<Operation>}. */
    protected final String action() {
        return "kms:" + name;
    }
}

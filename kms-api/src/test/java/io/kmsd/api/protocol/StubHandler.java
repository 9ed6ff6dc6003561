package io.kmsd.api.protocol;

import io.kmsd.api.wire.WireRequest;
import java.util.function.BiFunction;

/** A handler for protocol tests: a name, a real request record type, and a function standing in for the work. */
final class StubHandler<Q extends WireRequest> implements OperationHandler<Q> {
    private final String name;
    private final Class<Q> type;
    private final BiFunction<Call, Q, Object> body;

    private StubHandler(String name, Class<Q> type, BiFunction<Call, Q, Object> body) {
        this.name = name;
        this.type = type;
        this.body = body;
    }

    static <Q extends WireRequest> StubHandler<Q> of(String name, Class<Q> type, BiFunction<Call, Q, Object> body) {
        return new StubHandler<>(name, type, body);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<Q> requestType() {
        return type;
    }

    @Override
    public Object handle(Call call, Q request) {
        return body.apply(call, request);
    }
}

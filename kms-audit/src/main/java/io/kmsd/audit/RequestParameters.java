package io.kmsd.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudTrail's {@code requestParameters}: only the {@link RequestParameter}s, never a payload. The
 * shortcuts below cover what most operations log; {@link Builder#put} covers the rest.
 */
public final class RequestParameters extends FieldMap<RequestParameter> {
    public static final RequestParameters NONE = builder().build();

    private RequestParameters(EnumMap<RequestParameter, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> keyId() {
        return text(RequestParameter.KEY_ID);
    }

    public Map<String, String> encryptionContext() {
        return map(RequestParameter.ENCRYPTION_CONTEXT);
    }

    public List<String> grantTokens() {
        return list(RequestParameter.GRANT_TOKENS);
    }

    /** Builder with shortcuts for the common parameters. */
    public static final class Builder extends FieldMap.Builder<RequestParameter, Builder> {
        private Builder() {
            super(RequestParameter.class);
        }

        public Builder keyId(String keyId) {
            return put(RequestParameter.KEY_ID, keyId);
        }

        public Builder encryptionContext(Map<String, String> context) {
            return put(RequestParameter.ENCRYPTION_CONTEXT, context);
        }

        public Builder encryptionAlgorithm(String algorithm) {
            return put(RequestParameter.ENCRYPTION_ALGORITHM, algorithm);
        }

        public Builder grantTokens(List<String> tokens) {
            return put(RequestParameter.GRANT_TOKENS, tokens);
        }

        public RequestParameters build() {
            return new RequestParameters(values());
        }
    }
}

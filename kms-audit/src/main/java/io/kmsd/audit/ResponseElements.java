package io.kmsd.audit;

import java.util.EnumMap;
import java.util.Optional;

/** CloudTrail's {@code responseElements}: key ids, key state changes, algorithms; never a payload. */
public final class ResponseElements extends FieldMap<ResponseElement> {
    public static final ResponseElements NONE = builder().build();

    private ResponseElements(EnumMap<ResponseElement, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> keyId() {
        return text(ResponseElement.KEY_ID);
    }

    /** Builder with shortcuts for the common elements. */
    public static final class Builder extends FieldMap.Builder<ResponseElement, Builder> {
        private Builder() {
            super(ResponseElement.class);
        }

        public Builder keyId(String keyArn) {
            return put(ResponseElement.KEY_ID, keyArn);
        }

        /** A key state change, e.g. DisableKey: Enabled to Disabled. */
        public Builder keyStateChange(String before, String after) {
            return put(ResponseElement.PREVIOUS_KEY_STATE, before).put(ResponseElement.KEY_STATE, after);
        }

        public ResponseElements build() {
            return new ResponseElements(values());
        }
    }
}

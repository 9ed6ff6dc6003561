package io.kmsd.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Tag} structure: {@code TagKey*} 1–128, {@code TagValue*} 0–256 (kms-api §4.3). */
public record WireTag(@JsonProperty("TagKey") String tagKey, @JsonProperty("TagValue") String tagValue) {

    void validate(Violations v, String path) {
        v.required(path + ".tagKey", tagKey).length(path + ".tagKey", tagKey, 1, 128);
        v.required(path + ".tagValue", tagValue).length(path + ".tagValue", tagValue, 0, 256);
    }

    /** As the service prints a tag inside a list value. */
    @Override
    public String toString() {
        return "Tag(tagKey=" + tagKey + ", tagValue=" + tagValue + ")";
    }
}

package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of CloudTrail's {@code resources}: for KMS, a key ARN and the account that owns it. */
@JsonPropertyOrder({"accountId", "type", "ARN"})
public record Resource(String accountId, String type, @JsonProperty("ARN") String arn) {
    public static final String KMS_KEY = "AWS::KMS::Key";

    public Resource {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("resource needs an ARN");
        }
        type = type == null ? KMS_KEY : type;
    }

    public static Resource key(String keyArn, String ownerAccountId) {
        return new Resource(ownerAccountId, KMS_KEY, keyArn);
    }
}

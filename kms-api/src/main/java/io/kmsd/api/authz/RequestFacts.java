package io.kmsd.api.authz;

import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy condition may ask about the request (key-policy-semantics §5): when and from where it came,
 * its Region, and the operation's typed facts — encryption context, algorithm, the alias the request named,
 * grant tokens — plus operation-specific condition keys by name ({@code kms:KeySpec}, {@code aws:TagKeys},
 * {@code kms:ScheduleKeyDeletionPendingWindowInDays} ...), each with its values as text.
 */
public record RequestFacts(Instant time, Region region, Optional<String> sourceIp, Optional<String> userAgent,
                           boolean secureTransport, EncryptionContext encryptionContext,
                           Optional<String> encryptionAlgorithm, Optional<AliasName> requestAlias,
                           List<String> grantTokens, Map<String, List<String>> conditionKeys) {

    public RequestFacts {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(region, "region");
        sourceIp = sourceIp == null ? Optional.empty() : sourceIp;
        userAgent = userAgent == null ? Optional.empty() : userAgent;
        encryptionContext = encryptionContext == null ? EncryptionContext.empty() : encryptionContext;
        encryptionAlgorithm = encryptionAlgorithm == null ? Optional.empty() : encryptionAlgorithm;
        requestAlias = requestAlias == null ? Optional.empty() : requestAlias;
        grantTokens = grantTokens == null ? List.of() : List.copyOf(grantTokens);
        conditionKeys = conditionKeys == null ? Map.of() : Map.copyOf(conditionKeys);
    }

    /** The facts every request has; the operation adds its own with the {@code with…} methods. */
    public static RequestFacts of(Instant time, Region region, Optional<String> sourceIp, Optional<String> userAgent,
                                  boolean secureTransport) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, null, null, null, null, null);
    }

    public RequestFacts withEncryptionContext(EncryptionContext context) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, context, encryptionAlgorithm,
                requestAlias, grantTokens, conditionKeys);
    }

    public RequestFacts withEncryptionAlgorithm(String algorithm) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                Optional.ofNullable(algorithm), requestAlias, grantTokens, conditionKeys);
    }

    public RequestFacts withRequestAlias(Optional<AliasName> alias) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, alias, grantTokens, conditionKeys);
    }

    public RequestFacts withGrantTokens(List<String> tokens) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, requestAlias, tokens, conditionKeys);
    }

    /** Adds one condition key ({@code kms:KeySpec} → {@code [SYMMETRIC_DEFAULT]}). */
    public RequestFacts withConditionKey(String key, List<String> values) {
        Map<String, List<String>> keys = new HashMap<>(conditionKeys);
        keys.put(key, List.copyOf(values));
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, requestAlias, grantTokens, keys);
    }
}

package io.kmsd.api.authz;

import io.kmsd.core.alias.AliasName;
import io.kmsd.core.crypto.EncryptionContext;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy condition may ask about the request (key-policy-semantics §5): when and from where it came,
 * its Region, and the operation's typed facts — encryption context, algorithm, the alias the request named,
 * grant tokens — plus the {@link OperationFacts} of operations with their own condition keys (CreateKey,
 * PutKeyPolicy, tagging, ScheduleKeyDeletion, ReEncrypt, CreateGrant, RetireGrant).
 */
public record RequestFacts(Instant time, Region region, Optional<String> sourceIp, Optional<String> userAgent,
                           boolean secureTransport, EncryptionContext encryptionContext,
                           Optional<String> encryptionAlgorithm, Optional<AliasName> requestAlias,
                           List<String> grantTokens, Optional<OperationFacts> operation) {

    public RequestFacts {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(region, "region");
        sourceIp = sourceIp == null ? Optional.empty() : sourceIp;
        userAgent = userAgent == null ? Optional.empty() : userAgent;
        encryptionContext = encryptionContext == null ? EncryptionContext.empty() : encryptionContext;
        encryptionAlgorithm = encryptionAlgorithm == null ? Optional.empty() : encryptionAlgorithm;
        requestAlias = requestAlias == null ? Optional.empty() : requestAlias;
        grantTokens = grantTokens == null ? List.of() : List.copyOf(grantTokens);
        operation = operation == null ? Optional.empty() : operation;
    }

    /** The facts every request has; the operation adds its own with the {@code with…} methods. */
    public static RequestFacts of(Instant time, Region region, Optional<String> sourceIp, Optional<String> userAgent,
                                  boolean secureTransport) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, null, null, null, null, null);
    }

    public RequestFacts withEncryptionContext(EncryptionContext context) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, context, encryptionAlgorithm,
                requestAlias, grantTokens, operation);
    }

    public RequestFacts withEncryptionAlgorithm(String algorithm) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                Optional.ofNullable(algorithm), requestAlias, grantTokens, operation);
    }

    public RequestFacts withRequestAlias(Optional<AliasName> alias) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, alias, grantTokens, operation);
    }

    public RequestFacts withGrantTokens(List<String> tokens) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, requestAlias, tokens, operation);
    }

    /** The operation's own parameters ({@link OperationFacts}); replaces any set before. */
    public RequestFacts with(OperationFacts facts) {
        return new RequestFacts(time, region, sourceIp, userAgent, secureTransport, encryptionContext,
                encryptionAlgorithm, requestAlias, grantTokens, Optional.of(facts));
    }

    /** The operation facts if they are of {@code type}. */
    public <T extends OperationFacts> Optional<T> operation(Class<T> type) {
        return operation.filter(type::isInstance).map(type::cast);
    }
}

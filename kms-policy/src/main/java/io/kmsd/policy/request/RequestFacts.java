package io.kmsd.policy.request;

import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.grants.GrantRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Typed facts of one request, as the API layer knows them after parsing (the {@code request} object of the
 * decision-vector format, V2). Every field is optional (null = not sent); {@link ContextBuilder} turns them into
 * condition keys (section 5). {@code additionalContext} adds raw keys such as {@code aws:SourceArn}.
 */
public record RequestFacts(Instant currentTime, String sourceIp, Boolean secureTransport, String viaService,
        Map<String, String> encryptionContext, String encryptionAlgorithm, String signingAlgorithm,
        String messageType, String macAlgorithm, String keyAgreementAlgorithm, String keyPairSpec,
        String requestAlias, List<String> grantTokens, GrantRequest grant, String targetGrantId,
        Boolean reEncryptOnSameKey, Integer pendingWindowInDays, Integer rotationPeriodInDays,
        Map<String, String> tags, List<String> tagKeys, String expirationModel, Instant validTo,
        Boolean bypassPolicyLockoutSafetyCheck, String primaryRegion, String replicaRegion,
        String wrappingAlgorithm, String wrappingKeySpec, List<ContextEntry> additionalContext) {

    public RequestFacts {
        encryptionContext = encryptionContext == null ? Map.of() : Map.copyOf(encryptionContext);
        grantTokens = grantTokens == null ? List.of() : List.copyOf(grantTokens);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        additionalContext = additionalContext == null ? List.of() : List.copyOf(additionalContext);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for the many optional fields. */
    public static final class Builder {
        private Instant currentTime;
        private String sourceIp;
        private Boolean secureTransport;
        private String viaService;
        private Map<String, String> encryptionContext;
        private String encryptionAlgorithm;
        private String signingAlgorithm;
        private String messageType;
        private String macAlgorithm;
        private String keyAgreementAlgorithm;
        private String keyPairSpec;
        private String requestAlias;
        private List<String> grantTokens;
        private GrantRequest grant;
        private String targetGrantId;
        private Boolean reEncryptOnSameKey;
        private Integer pendingWindowInDays;
        private Integer rotationPeriodInDays;
        private Map<String, String> tags;
        private List<String> tagKeys;
        private String expirationModel;
        private Instant validTo;
        private Boolean bypass;
        private String primaryRegion;
        private String replicaRegion;
        private String wrappingAlgorithm;
        private String wrappingKeySpec;
        private List<ContextEntry> additionalContext;

        private Builder() {
        }

        public Builder currentTime(Instant v) { currentTime = v; return this; }
        public Builder sourceIp(String v) { sourceIp = v; return this; }
        public Builder secureTransport(Boolean v) { secureTransport = v; return this; }
        public Builder viaService(String v) { viaService = v; return this; }
        public Builder encryptionContext(Map<String, String> v) { encryptionContext = v; return this; }
        public Builder encryptionAlgorithm(String v) { encryptionAlgorithm = v; return this; }
        public Builder signingAlgorithm(String v) { signingAlgorithm = v; return this; }
        public Builder messageType(String v) { messageType = v; return this; }
        public Builder macAlgorithm(String v) { macAlgorithm = v; return this; }
        public Builder keyAgreementAlgorithm(String v) { keyAgreementAlgorithm = v; return this; }
        public Builder keyPairSpec(String v) { keyPairSpec = v; return this; }
        public Builder requestAlias(String v) { requestAlias = v; return this; }
        public Builder grantTokens(List<String> v) { grantTokens = v; return this; }
        public Builder grant(GrantRequest v) { grant = v; return this; }
        public Builder targetGrantId(String v) { targetGrantId = v; return this; }
        public Builder reEncryptOnSameKey(Boolean v) { reEncryptOnSameKey = v; return this; }
        public Builder pendingWindowInDays(Integer v) { pendingWindowInDays = v; return this; }
        public Builder rotationPeriodInDays(Integer v) { rotationPeriodInDays = v; return this; }
        public Builder tags(Map<String, String> v) { tags = v; return this; }
        public Builder tagKeys(List<String> v) { tagKeys = v; return this; }
        public Builder expirationModel(String v) { expirationModel = v; return this; }
        public Builder validTo(Instant v) { validTo = v; return this; }
        public Builder bypassPolicyLockoutSafetyCheck(Boolean v) { bypass = v; return this; }
        public Builder primaryRegion(String v) { primaryRegion = v; return this; }
        public Builder replicaRegion(String v) { replicaRegion = v; return this; }
        public Builder wrappingAlgorithm(String v) { wrappingAlgorithm = v; return this; }
        public Builder wrappingKeySpec(String v) { wrappingKeySpec = v; return this; }
        public Builder additionalContext(List<ContextEntry> v) { additionalContext = v; return this; }

        public RequestFacts build() {
            return new RequestFacts(currentTime, sourceIp, secureTransport, viaService, encryptionContext,
                    encryptionAlgorithm, signingAlgorithm, messageType, macAlgorithm, keyAgreementAlgorithm,
                    keyPairSpec, requestAlias, grantTokens, grant, targetGrantId, reEncryptOnSameKey,
                    pendingWindowInDays, rotationPeriodInDays, tags, tagKeys, expirationModel, validTo, bypass,
                    primaryRegion, replicaRegion, wrappingAlgorithm, wrappingKeySpec, additionalContext);
        }
    }
}

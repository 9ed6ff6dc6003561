package io.kmsd.policy.request;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.principal.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Derives the request context from typed facts (key-policy-semantics section 5, K1–K4). Keys that do not apply
 * to the operation, or whose facts are missing, stay absent. Each entry records its source for explanations (X1).
 */
public final class ContextBuilder {
    private static final Set<String> DATA_KEY_PAIR = Set.of("GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext");
    private static final Set<String> SIGN = Set.of("Sign", "Verify");
    private static final Set<String> MAC = Set.of("GenerateMac", "VerifyMac");
    private static final Set<String> RE_ENCRYPT = Set.of("ReEncryptFrom", "ReEncryptTo");
    private static final Set<String> GRANT_ADMIN = Set.of("CreateGrant", "ListGrants", "RevokeGrant");
    private static final Set<String> BYPASS = Set.of("CreateKey", "PutKeyPolicy", "ReplicateKey");
    private static final Set<String> CUSTOM_KEY_STORE = Set.of("CreateCustomKeyStore", "ConnectCustomKeyStore",
            "DeleteCustomKeyStore", "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "UpdateCustomKeyStore");
    private static final Set<String> REQUEST_TAGS = Set.of("CreateKey", "TagResource", "UntagResource", "ReplicateKey");

    private final Principal caller;
    private final String op;
    private final KeyAttributes attributes;
    private final boolean keyResource;
    private final RequestFacts f;
    private final RequestContext.Builder b = RequestContext.builder();

    private ContextBuilder(Principal caller, Action action, KeyFacts key, KeyAttributes attributes, RequestFacts f) {
        this.caller = caller;
        this.op = action.isKms() ? action.operation() : "";
        this.attributes = key != null ? key.attributes() : attributes;
        this.keyResource = key != null && !KmsActions.WITHOUT_KEY_RESOURCE.contains(op);
        this.f = f;
    }

    /**
     * Builds the context. {@code key} is null for operations without a key resource; {@code attributes} then
     * gives the requested key attributes of a CreateKey (may be null).
     */
    public static RequestContext build(Principal caller, Action action, KeyFacts key, KeyAttributes attributes,
            RequestFacts facts) {
        if (facts.currentTime() == null) {
            throw new IllegalArgumentException("the request time is required (aws:CurrentTime)");
        }
        ContextBuilder cb = new ContextBuilder(caller, action, key, attributes, facts);
        cb.principal();
        cb.transport();
        cb.key();
        cb.encryptionContext();
        cb.cryptoParameters();
        cb.grants();
        cb.administration();
        for (ContextEntry e : facts.additionalContext()) {
            if (e.multivalued()) {
                cb.b.putAll(e.key(), e.values(), "request.additionalContext");
            } else {
                cb.b.put(e.key(), e.first(), "request.additionalContext");
            }
        }
        return cb.b.build();
    }

    /** K1 principal keys. */
    private void principal() {
        b.put("aws:PrincipalArn", caller.principalArn(), "caller.arn");
        b.put("aws:PrincipalAccount", caller.account(), "caller.account");
        b.put("aws:PrincipalType", caller.type().contextValue(), "caller.type");
        b.put("aws:userid", userId(), "caller.userId");
        b.put("aws:username", caller.userName(), "caller.arn");
        caller.tags().forEach((k, v) -> b.put("aws:PrincipalTag/" + k, v, "caller.tags"));
        b.put("aws:PrincipalOrgID", caller.orgId(), "caller.orgId");
        b.put("aws:PrincipalIsAWSService", String.valueOf(caller.isService()), "caller.type");
        if (caller.isService()) {
            b.put("aws:PrincipalServiceName", caller.arn(), "caller.arn");
        }
    }

    /** K1 aws:userid: given id; account id for root; account:name for federated users. */
    private String userId() {
        if (caller.userId() != null) {
            return caller.userId();
        }
        return switch (caller.type()) {
            case Root -> caller.account();
            case FederatedUser -> caller.account() + ":" + caller.sessionName();
            default -> null;
        };
    }

    /** K1 time and transport; E11 forwarding. */
    private void transport() {
        b.put("aws:SourceIp", f.sourceIp(), "request.sourceIp");
        TimeText t = TimeText.of(f.currentTime());
        b.put("aws:CurrentTime", t.iso(), "request.currentTime");
        b.put("aws:EpochTime", t.epoch(), "request.currentTime");
        b.put("aws:SecureTransport", String.valueOf(f.secureTransport() == null || f.secureTransport()),
                "request.secureTransport");
        b.put("aws:ViaAWSService", String.valueOf(f.viaService() != null), "request.viaService");
        if (keyResource) {
            b.put("kms:ViaService", f.viaService(), "request.viaService");
        }
        if (keyResource || CUSTOM_KEY_STORE.contains(op)) {
            b.put("kms:CallerAccount", caller.account(), "caller.account");
        }
    }

    /**
     * aws:CurrentTime (whole seconds, as AWS sends it) and aws:EpochTime. Formatting an instant is the costliest
     * step of building a context, and consecutive requests mostly share their second, so the last one is kept.
     */
    private record TimeText(long second, String iso, String epoch) {
        private static volatile TimeText last = new TimeText(Long.MIN_VALUE, "", "");

        static TimeText of(Instant t) {
            TimeText l = last;
            if (l.second == t.getEpochSecond()) {
                return l;
            }
            Instant s = Instant.ofEpochSecond(t.getEpochSecond());
            TimeText n = new TimeText(s.getEpochSecond(), s.toString(), Long.toString(s.getEpochSecond()));
            last = n;
            return n;
        }
    }

    /** K1 aws:ResourceTag, K3 key attributes, kms:ResourceAliases. */
    private void key() {
        boolean createKey = op.equals("CreateKey");
        if (attributes == null || !(keyResource || createKey)) {
            return;
        }
        String src = createKey ? "request.keyAttributes" : "key";
        b.put("kms:KeySpec", attributes.keySpec(), src + ".keySpec");
        b.put("kms:CustomerMasterKeySpec", attributes.keySpec(), src + ".keySpec");
        b.put("kms:KeyUsage", attributes.keyUsage(), src + ".keyUsage");
        b.put("kms:CustomerMasterKeyUsage", attributes.keyUsage(), src + ".keyUsage");
        b.put("kms:KeyOrigin", attributes.origin(), src + ".origin");
        b.put("kms:MultiRegion", String.valueOf(attributes.multiRegion()), src + ".multiRegion");
        b.put("kms:MultiRegionKeyType", attributes.multiRegionKeyType(), src + ".multiRegionKeyType");
        if (keyResource) {
            attributes.tags().forEach((k, v) -> b.put("aws:ResourceTag/" + k, v, "key.tags"));
            b.putAll("kms:ResourceAliases", attributes.aliases(), "key.aliases");
        }
    }

    /** K2: from the request, or for CreateGrant from the requested constraint. */
    private void encryptionContext() {
        Map<String, String> ec = null;
        String src = "request.encryptionContext";
        if (KmsActions.TAKES_ENCRYPTION_CONTEXT.contains(op)) {
            ec = f.encryptionContext();
        } else if (op.equals("CreateGrant") && f.grant() != null && f.grant().constraint() != null) {
            ec = f.grant().constraint().context();
            src = "request.grant.constraints";
        }
        if (ec == null || ec.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> e : ec.entrySet()) {
            b.put("kms:EncryptionContext:" + e.getKey(), e.getValue(), src);
        }
        b.putAll("kms:EncryptionContextKeys", ec.keySet(), src);
    }

    /** K3 algorithm and parameter keys of the cryptographic operations. */
    private void cryptoParameters() {
        if (KmsActions.TAKES_ENCRYPTION_CONTEXT.contains(op)) {
            String alg = f.encryptionAlgorithm() != null ? f.encryptionAlgorithm()
                    : attributes != null && attributes.isSymmetric() ? "SYMMETRIC_DEFAULT" : null;
            b.put("kms:EncryptionAlgorithm", alg, "request.encryptionAlgorithm");
        }
        if (SIGN.contains(op)) {
            b.put("kms:SigningAlgorithm", f.signingAlgorithm(), "request.signingAlgorithm");
            b.put("kms:MessageType", f.messageType() == null ? "RAW" : f.messageType(), "request.messageType");
        }
        if (MAC.contains(op)) {
            b.put("kms:MacAlgorithm", f.macAlgorithm(), "request.macAlgorithm");
        }
        if (op.equals("DeriveSharedSecret")) {
            b.put("kms:KeyAgreementAlgorithm", f.keyAgreementAlgorithm() == null ? "ECDH"
                    : f.keyAgreementAlgorithm(), "request.keyAgreementAlgorithm");
        }
        if (DATA_KEY_PAIR.contains(op)) {
            b.put("kms:DataKeyPairSpec", f.keyPairSpec(), "request.keyPairSpec");
        }
        if (RE_ENCRYPT.contains(op)) {
            b.put("kms:ReEncryptOnSameKey", String.valueOf(Boolean.TRUE.equals(f.reEncryptOnSameKey())),
                    "request.reEncryptOnSameKey");
        }
        boolean aliasOp = KmsActions.isKnown(op) && (KmsActions.classify(op, false).isUsage()
                || op.equals("DescribeKey") || op.equals("GetPublicKey"));
        if (aliasOp) {
            b.put("kms:RequestAlias", f.requestAlias(), "request.requestAlias");
        }
    }

    /** K3 grant keys; A10: kms:GrantIsForAWSResource is false, not absent, on direct calls. */
    private void grants() {
        if (GRANT_ADMIN.contains(op)) {
            b.put("kms:GrantIsForAWSResource", String.valueOf(f.viaService() != null), "request.viaService");
        }
        if (!op.equals("CreateGrant") || f.grant() == null) {
            return;
        }
        b.putAll("kms:GrantOperations", f.grant().operations(), "request.grant.operations");
        b.put("kms:GranteePrincipal", f.grant().granteePrincipal(), "request.grant.granteePrincipal");
        b.put("kms:RetiringPrincipal", f.grant().retiringPrincipal(), "request.grant.retiringPrincipal");
        if (f.grant().constraint() != null) {
            b.put("kms:GrantConstraintType", f.grant().constraint().type().name(), "request.grant.constraints");
        }
    }

    /** K1 request tags and the K3 keys of administrative operations. */
    private void administration() {
        if (REQUEST_TAGS.contains(op)) {
            f.tags().forEach((k, v) -> b.put("aws:RequestTag/" + k, v, "request.tags"));
            b.putAll("aws:TagKeys", f.tags().isEmpty() ? f.tagKeys() : f.tags().keySet(), "request.tags");
        }
        if (BYPASS.contains(op) && f.bypassPolicyLockoutSafetyCheck() != null) {
            b.put("kms:BypassPolicyLockoutSafetyCheck", f.bypassPolicyLockoutSafetyCheck().toString(),
                    "request.bypassPolicyLockoutSafetyCheck");
        }
        switch (op) {
            case "ScheduleKeyDeletion" -> b.put("kms:ScheduleKeyDeletionPendingWindowInDays",
                    String.valueOf(f.pendingWindowInDays() == null ? 30 : f.pendingWindowInDays()),
                    "request.pendingWindowInDays");
            case "EnableKeyRotation" -> b.put("kms:RotationPeriodInDays",
                    String.valueOf(f.rotationPeriodInDays() == null ? 365 : f.rotationPeriodInDays()),
                    "request.rotationPeriodInDays");
            case "ImportKeyMaterial" -> {
                b.put("kms:ExpirationModel", f.expirationModel(), "request.expirationModel");
                b.put("kms:ValidTo", f.validTo() == null ? null : String.valueOf(f.validTo().getEpochSecond()),
                        "request.validTo");
            }
            case "GetParametersForImport" -> {
                b.put("kms:WrappingAlgorithm", f.wrappingAlgorithm(), "request.wrappingAlgorithm");
                b.put("kms:WrappingKeySpec", f.wrappingKeySpec(), "request.wrappingKeySpec");
            }
            case "UpdatePrimaryRegion" -> b.put("kms:PrimaryRegion", f.primaryRegion(), "request.primaryRegion");
            case "ReplicateKey" -> b.put("kms:ReplicaRegion", f.replicaRegion(), "request.replicaRegion");
            default -> { }
        }
    }
}

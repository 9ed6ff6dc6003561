package io.kmsd.api.authz;

import io.kmsd.api.authz.OperationFacts.DeletionWindow;
import io.kmsd.api.authz.OperationFacts.GrantCreation;
import io.kmsd.api.authz.OperationFacts.GrantRetirement;
import io.kmsd.api.authz.OperationFacts.KeyCreation;
import io.kmsd.api.authz.OperationFacts.PolicyWrite;
import io.kmsd.api.authz.OperationFacts.ReEncryption;
import io.kmsd.api.authz.OperationFacts.Tagging;
import io.kmsd.core.GrantView;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Tag;
import io.kmsd.policy.actions.Action;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantOperations;
import io.kmsd.policy.grants.GrantRequest;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a handler's question becomes the engine's {@link AuthorizationRequest}
 * (key-policy-semantics E1, §5): the caller with its compiled identity policies, the action, the key with its
 * compiled policy (or the alias ARN, or {@code *} for E18 operations), the typed request facts from which the
 * engine derives the context, and the grants core sees for the key and the presented tokens.
 */
final class EngineRequests {
    private final Callers callers;
    private final CompiledKeys keys;
    private final GrantViews grants;

    EngineRequests(Callers callers, CompiledKeys keys, GrantViews grants) {
        this.callers = callers;
        this.keys = keys;
        this.grants = grants;
    }

    AuthorizationRequest build(AuthzRequest r) {
        Action action = Action.of(r.action());
        AuthorizationRequest.Builder b = AuthorizationRequest.builder().caller(callers.of(r.principal()))
                .action(action).facts(facts(r.facts()));
        if (r.key().isPresent()) {
            return b.key(keys.of(r.key().get())).grants(grants(r, action)).build();
        }
        if (r.alias().isPresent()) {
            return b.resource(r.alias().get().toString()).build();
        }
        return b.resource("*").requestedAttributes(requestedAttributes(r.facts()).orElse(null)).build();
    }

    /** The key a CreateKey would create, for the lockout check (L2): a fresh ARN and the requested attributes. */
    static KeyFacts newKey(AuthzRequest r) {
        KeyArn arn = new KeyArn(r.facts().region(), r.principal().account(), KeyId.random());
        return new KeyFacts(arn, null, requestedAttributes(r.facts()).orElse(KeyAttributes.DEFAULT));
    }

    /** E12–E16: the target of a RetireGrant, or the key's grants for an operation a grant can allow. */
    private List<Grant> grants(AuthzRequest r, Action action) {
        Optional<GrantRetirement> retire = r.facts().operation(GrantRetirement.class);
        if (retire.isPresent()) {
            return List.of(GrantViews.of(new GrantView(retire.get().target(), true, Optional.empty())));
        }
        if (!action.isKms() || !GrantOperations.isGrantable(action.operation())) {
            return List.of();
        }
        return grants.forRequest(r.key().get().arn(), r.facts().grantTokens());
    }

    static RequestFacts facts(io.kmsd.api.authz.RequestFacts f) {
        RequestFacts.Builder b = RequestFacts.builder().currentTime(f.time()).sourceIp(f.sourceIp().orElse(null))
                .secureTransport(f.secureTransport()).encryptionContext(f.encryptionContext().pairs())
                .encryptionAlgorithm(f.encryptionAlgorithm().orElse(null))
                .requestAlias(f.requestAlias().map(AliasName::value).orElse(null)).grantTokens(f.grantTokens());
        f.operation().ifPresent(op -> operation(b, op));
        return b.build();
    }

    private static void operation(RequestFacts.Builder b, OperationFacts op) {
        if (op instanceof KeyCreation k) {
            b.tags(tags(k.tags())).bypassPolicyLockoutSafetyCheck(k.bypassPolicyLockoutSafetyCheck().orElse(null));
        } else if (op instanceof PolicyWrite p) {
            b.bypassPolicyLockoutSafetyCheck(p.bypassPolicyLockoutSafetyCheck().orElse(null));
        } else if (op instanceof Tagging t) {
            b.tags(tags(t.tags())).tagKeys(t.tagKeys());
        } else if (op instanceof DeletionWindow d) {
            b.pendingWindowInDays(d.pendingWindowInDays());
        } else if (op instanceof ReEncryption e) {
            b.reEncryptOnSameKey(e.sameKey());
        } else if (op instanceof GrantCreation g) {
            b.grant(grantRequest(g));
        } else if (op instanceof GrantRetirement g) {
            b.targetGrantId(g.target().grantId().value());
        } else {
            cryptoOperation(b, op);
        }
    }

    /** K3 parameters of Sign/Verify, GenerateMac/VerifyMac, DeriveSharedSecret and GenerateDataKeyPair*. */
    private static void cryptoOperation(RequestFacts.Builder b, OperationFacts op) {
        if (op instanceof OperationFacts.Signing s) {
            b.signingAlgorithm(s.signingAlgorithm()).messageType(s.messageType());
        } else if (op instanceof OperationFacts.MacComputation m) {
            b.macAlgorithm(m.macAlgorithm());
        } else if (op instanceof OperationFacts.KeyAgreement k) {
            b.keyAgreementAlgorithm(k.keyAgreementAlgorithm());
        } else if (op instanceof OperationFacts.DataKeyPair d) {
            b.keyPairSpec(d.keyPairSpec());
        } else {
            materialOperation(b, op);
        }
    }

    /** Rotation and import parameters: kms:RotationPeriodInDays, kms:Wrapping*, kms:ExpirationModel, kms:ValidTo. */
    private static void materialOperation(RequestFacts.Builder b, OperationFacts op) {
        if (op instanceof OperationFacts.RotationPeriod r) {
            b.rotationPeriodInDays(r.rotationPeriodInDays());
        } else if (op instanceof OperationFacts.ImportParameters p) {
            b.wrappingAlgorithm(p.wrappingAlgorithm()).wrappingKeySpec(p.wrappingKeySpec());
        } else if (op instanceof OperationFacts.MaterialImport m) {
            b.expirationModel(m.expirationModel()).validTo(m.validTo());
        }
    }

    private static GrantRequest grantRequest(GrantCreation g) {
        return new GrantRequest(g.grantee().value(), g.retiringPrincipal().map(p -> p.value()).orElse(null),
                g.operations().stream().map(Enum::name).toList(),
                g.constraints().map(GrantViews::constraint).orElse(null));
    }

    private static Optional<KeyAttributes> requestedAttributes(io.kmsd.api.authz.RequestFacts f) {
        return f.operation(KeyCreation.class).map(k -> new KeyAttributes(k.keySpec(), k.keyUsage(), k.origin(),
                k.multiRegion(), k.multiRegion() ? "PRIMARY" : null, List.of(), Map.of()));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new HashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}

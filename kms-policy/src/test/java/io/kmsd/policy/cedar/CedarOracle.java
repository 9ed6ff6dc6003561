package io.kmsd.policy.cedar;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test helper: a Cedar translation of a key policy, decided by cedar-java. */
final class CedarOracle {
    static final BasicAuthorizationEngine ENGINE = new BasicAuthorizationEngine();

    /** Cedar's answer: allowed, and the ids of the policies that decided it. */
    record Answer(boolean allowed, Set<String> reasons, List<String> errors) {
    }

    private final PolicySet set;

    CedarOracle(CedarExport export) {
        try {
            this.set = withAnnotatedIds(PolicySet.parsePolicies(export.cedar()));
            set.cache();
        } catch (Exception e) {
            throw new IllegalStateException("Cedar cannot parse the translation:\n" + export.cedar(), e);
        }
    }

    /** Cedar numbers parsed policies; the translation names them with {@code @id}, which reasons should show. */
    static PolicySet withAnnotatedIds(PolicySet parsed) throws Exception {
        Set<Policy> out = new java.util.HashSet<>();
        for (Policy p : parsed.policies) {
            String id = p.getAnnotation("id");
            out.add(new Policy(p.policySrc, id == null ? p.policyID : id));
        }
        return new PolicySet(out);
    }

    Answer decide(io.kmsd.policy.request.AuthorizationRequest r, boolean identityAllowed, boolean identityDenied) {
        CedarRequest c = CedarRequest.of(r, identityAllowed, identityDenied);
        try {
            AuthorizationResponse resp = ENGINE.isAuthorized(new AuthorizationRequest(c.principal(), c.action(),
                    c.resource(), Optional.of(c.context()), Optional.empty(), false), set, c.entities());
            var s = resp.success.orElseThrow(() -> new IllegalStateException("Cedar failed: " + resp.errors));
            return new Answer(s.isAllowed(), s.getReason(), s.getErrors().stream().map(Object::toString).toList());
        } catch (com.cedarpolicy.model.exception.AuthException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The validator's errors for a translation (empty when it validates against the Kms schema). */
    static List<String> validationErrors(CedarExport export) throws Exception {
        ValidationResponse r = ENGINE.validate(new ValidationRequest(KmsCedarSchema.parsed(),
                PolicySet.parsePolicies(export.cedar())));
        if (r.success.isEmpty()) {
            return List.of(String.valueOf(r.errors));
        }
        return r.success.get().validationErrors.stream().map(e -> e.getPolicyId() + ": " + e.getError().message)
                .distinct().toList();
    }
}

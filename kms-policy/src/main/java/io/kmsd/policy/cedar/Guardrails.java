package io.kmsd.policy.cedar;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evidence;
import io.kmsd.policy.eval.GuardrailVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cedar guardrails ({@code kms.policy.guardrails: DIR}): {@code forbid} policies evaluated on every request after
 * the IAM decision, which they can only turn into a deny, like service control policies (DESIGN.md). Loaded once
 * from the {@code .cedar} files of a directory and validated against {@link KmsCedarSchema}; a policy is named by
 * its {@code @id("…")} annotation, else {@code <file>#<n>}. Thread-safe.
 */
public final class Guardrails {
    /** The policy that makes Cedar's default-deny neutral: guardrails decide only through their forbids. */
    private static final String PERMIT_ALL = "permit (principal, action, resource);";
    private static final String PERMIT_ALL_ID = "kms-guardrails-permit-all";
    /** The verdict when Cedar cannot evaluate the request at all: guardrails fail closed. */
    static final String ERROR_ID = "guardrails-unavailable";

    private final Map<String, PolicySource> policies;
    private final PolicySet set;
    private final BasicAuthorizationEngine engine;

    private Guardrails(Map<String, PolicySource> policies, PolicySet set) {
        this.policies = policies;
        this.set = set;
        this.engine = policies.isEmpty() ? null : new BasicAuthorizationEngine();
    }

    /** No guardrails: every decision passes unchanged. */
    public static Guardrails none() {
        return new Guardrails(Map.of(), null);
    }

    /**
     * Loads every {@code .cedar} file below a directory, in path order.
     *
     * @throws GuardrailException naming each file and line that is wrong (or the directory, when unreadable)
     */
    public static Guardrails load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GuardrailException(List.of(dir + ": not a directory of .cedar guardrail policies"));
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".cedar")).sorted().toList()) {
                files.put(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new GuardrailException(List.of(dir + ": " + e.getMessage()));
        }
        return of(files);
    }

    /** Guardrails from file names and texts (tests, or policies kept elsewhere). */
    public static Guardrails of(Map<String, String> files) {
        GuardrailLoader loader = new GuardrailLoader();
        files.forEach(loader::add);
        Map<String, PolicySource> policies = loader.validated();
        if (policies.isEmpty()) {
            return none();
        }
        Set<Policy> all = new java.util.HashSet<>();
        policies.forEach((id, src) -> all.add(new Policy(src.text(), id)));
        all.add(new Policy(PERMIT_ALL, PERMIT_ALL_ID));
        PolicySet set = new PolicySet(all);
        try {
            set.cache();
        } catch (com.cedarpolicy.model.exception.CacheException e) {
            throw new GuardrailException(List.of("guardrails cannot be prepared: " + e.getMessage()));
        }
        return new Guardrails(policies, set);
    }

    /** The policy ids, in file order. */
    public List<String> policyIds() {
        return List.copyOf(policies.keySet());
    }

    /**
     * The decision after the guardrails ({@link Decision#withGuardrails}), every guardrail's verdict attached even
     * when IAM already denied (for explanations and tests); unchanged when there are none.
     */
    public Decision apply(Decision iam) {
        return policies.isEmpty() ? iam : iam.withGuardrails(evaluate(iam));
    }

    /**
     * The request path: guardrails are evaluated only for requests IAM allowed, as they can only deny (a Cedar call
     * costs ~0.3–1 ms; a denied request needs none).
     */
    public Decision enforce(Decision iam) {
        return iam.allowed() ? apply(iam) : iam;
    }

    /** What every guardrail says about the decision's request (an empty list when there are none). */
    public List<GuardrailVerdict> evaluate(Decision iam) {
        if (policies.isEmpty()) {
            return List.of();
        }
        Evidence e = iam.evidence();
        boolean identityDenied = e.denies().stream().anyMatch(r -> r.startsWith("identity:"));
        CedarRequest r = CedarRequest.of(iam.request(), !e.identity().isEmpty(), identityDenied);
        try {
            AuthorizationResponse resp = engine.isAuthorized(new AuthorizationRequest(r.principal(), r.action(),
                    r.resource(), Optional.of(r.context()), Optional.empty(), false), set, r.entities());
            if (resp.success.isEmpty()) {
                return List.of(unavailable(String.valueOf(resp.errors.orElse(null))));
            }
            return verdicts(resp.success.get());
        } catch (AuthException ex) {
            return List.of(unavailable(ex.getMessage()));
        }
    }

    private List<GuardrailVerdict> verdicts(AuthorizationSuccessResponse s) {
        Map<String, String> errors = new LinkedHashMap<>();
        s.getErrors().forEach(err -> errors.put(err.getPolicyId(), err.getError().message));
        List<GuardrailVerdict> out = new ArrayList<>();
        policies.forEach((id, src) -> {
            boolean forbids = s.getReason().contains(id);
            String detail = forbids ? src.where(PolicySource.firstCode(src.text()))
                    : errors.containsKey(id) ? "evaluation error, the policy abstains: " + errors.get(id) : "";
            out.add(new GuardrailVerdict(id, forbids, detail));
        });
        return out;
    }

    private static GuardrailVerdict unavailable(String why) {
        return new GuardrailVerdict(ERROR_ID, true, "Cedar could not evaluate the request, so it is denied: " + why);
    }
}

package io.kmsd.policy.diff;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.actions.KmsActions;
import io.kmsd.policy.condition.ConditionKeys;
import io.kmsd.policy.condition.RequestContext;
import io.kmsd.policy.document.KeyAccount;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.document.Validation;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.ContextBuilder;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./kms policy diff OLD NEW}: does NEW allow any request OLD denied? Both key policies are evaluated on the
 * same generated requests — every principal, account, action and condition value either policy mentions (see
 * {@link DiffCallers}, {@link ConditionSamples}) — and every request decided differently is reported. The
 * enumeration is exhaustive over those values up to {@link DiffOptions#maxContexts()} contexts per principal and
 * action; beyond it keys are varied one at a time, and the report says so. Changes are reported by their minimal
 * contexts ({@link Minimal}).
 */
public final class PolicyDiff {
    private static final Instant TIME = Instant.parse("2025-06-01T12:00:00Z");
    private static final String PAIR_PREFIX = "kms:EncryptionContext:";
    private static final String CONTEXT_KEYS = "kms:EncryptionContextKeys";

    private final Evaluator evaluator = new Evaluator();
    private final KeyFacts oldKey;
    private final KeyFacts newKey;
    private final DiffOptions options;
    private final ConditionSamples samples;
    private final List<Change> changes = new ArrayList<>();
    private boolean exhaustive = true;
    private long compared;

    private PolicyDiff(PolicyDocument oldPolicy, PolicyDocument newPolicy, String keyArn, DiffOptions options,
            List<Statement> all) {
        this.oldKey = KeyFacts.of(keyArn, oldPolicy, KeyAttributes.DEFAULT);
        this.newKey = KeyFacts.of(keyArn, newPolicy, KeyAttributes.DEFAULT);
        this.options = options;
        this.samples = ConditionSamples.of(all);
    }

    /**
     * Compares two key policies.
     *
     * @throws IllegalArgumentException when either is not a valid key policy (the message names OLD or NEW)
     */
    public static DiffReport compare(String oldLabel, String oldText, String newLabel, String newText,
            DiffOptions options) {
        PolicyDocument oldPolicy = parse("OLD " + oldLabel, oldText);
        PolicyDocument newPolicy = parse("NEW " + newLabel, newText);
        List<Statement> all = new ArrayList<>(oldPolicy.statements());
        all.addAll(newPolicy.statements());
        String keyArn = options.keyArn() != null ? options.keyArn() : defaultKeyArn(all);
        PolicyDiff d = new PolicyDiff(oldPolicy, newPolicy, keyArn, options, all);
        List<CallerVariant> callers = DiffCallers.of(all, d.oldKey.account(), d.samples);
        Set<String> actions = actions(all);
        for (CallerVariant c : callers) {
            for (String op : actions) {
                d.compare(c, op);
            }
        }
        return new DiffReport(oldLabel, newLabel, keyArn, Minimal.of(d.changes), callers.size(), actions.size(),
                d.compared, d.exhaustive);
    }

    private static PolicyDocument parse(String label, String text) {
        Validation v = PolicyParser.validate(text, PolicyKind.KEY, null);
        if (!v.valid()) {
            throw new IllegalArgumentException(label + " is not a valid key policy: " + v.problems().get(0).message());
        }
        return v.document();
    }

    private static String defaultKeyArn(List<Statement> all) {
        String account = KeyAccount.infer(all);
        return "arn:aws:kms:us-east-1:" + (account == null ? "111122223333" : account)
                + ":key/00000000-0000-4000-8000-000000000000";
    }

    /** Every key-resource operation some statement of either policy covers. */
    private static Set<String> actions(List<Statement> all) {
        Set<String> out = new LinkedHashSet<>();
        for (String op : KmsActions.operations()) {
            Action a = Action.kms(op);
            boolean named = all.stream().anyMatch(s -> s.actions() != null && s.notAction() != s.actions().matches(a));
            if (named && !KmsActions.WITHOUT_KEY_RESOURCE.contains(op)) {
                out.add(op);
            }
        }
        return out;
    }

    private void compare(CallerVariant c, String op) {
        Action action = Action.kms(op);
        RequestFacts facts = RequestFacts.builder().currentTime(TIME).build();
        RequestContext base = ContextBuilder.build(c.caller().principal(), action, oldKey, null, facts);
        Map<String, List<List<String>>> dims = dimensions(op);
        exhaustive &= Combinations.exhaustive(dims, options.maxContexts());
        List<Map<String, List<String>>> contexts = Combinations.of(dims, options.maxContexts());
        List<Change> found = new ArrayList<>();
        for (Map<String, List<String>> assignment : contexts) {
            RequestContext ctx = overlay(base, assignment);
            Decision old = evaluator.evaluate(request(c, action, oldKey, facts, ctx));
            Decision now = evaluator.evaluate(request(c, action, newKey, facts, ctx));
            compared++;
            if (old.allowed() != now.allowed()) {
                found.add(Change.of(c, action.name(), shown(c, assignment), false, old, now));
            }
        }
        boolean everywhere = found.size() == contexts.size()
                && found.stream().allMatch(f -> f.newlyAllowed() == found.get(0).newlyAllowed());
        changes.addAll(everywhere ? List.of(found.get(0).inAnyContext(shown(c, Map.of()))) : found);
    }

    /** The principal attributes, then the context keys set. */
    private static Map<String, List<String>> shown(CallerVariant c, Map<String, List<String>> assignment) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        c.attributes().forEach((k, v) -> out.put(k, List.of(v)));
        out.putAll(assignment);
        return out;
    }

    /** The context keys that can be present for this operation, each with its sample values (sets for multivalued). */
    private Map<String, List<List<String>>> dimensions(String op) {
        Map<String, List<List<String>>> dims = new LinkedHashMap<>();
        for (ConditionSamples.KeySamples k : samples.context.values()) {
            if (!KeyApplicability.applies(k.key(), op)) {
                continue;
            }
            List<List<String>> values = new ArrayList<>();
            k.values().forEach(v -> values.add(List.of(v)));
            if (k.multivalued() && k.values().size() > 1) {
                values.add(List.copyOf(k.values()));
            }
            values.add(List.of(ConditionSamples.OTHER));
            dims.put(k.key(), values);
        }
        return dims;
    }

    /**
     * The base context with the assignment's keys set, kept consistent with K2: kms:EncryptionContextKeys holds the
     * names of the kms:EncryptionContext:k pairs set, and a name tried in kms:EncryptionContextKeys alone gets a pair.
     */
    private static RequestContext overlay(RequestContext base, Map<String, List<String>> assignment) {
        if (assignment.isEmpty()) {
            return base;
        }
        RequestContext.Builder b = base.toBuilder();
        Set<String> pairKeys = new LinkedHashSet<>();
        assignment.forEach((k, v) -> {
            if (k.equalsIgnoreCase(CONTEXT_KEYS)) {
                return;
            }
            if (ConditionKeys.isMultivalued(k)) {
                b.putAll(k, v, "diff");
            } else {
                b.put(k, v.get(0), "diff");
            }
            if (k.regionMatches(true, 0, PAIR_PREFIX, 0, PAIR_PREFIX.length())) {
                pairKeys.add(k.substring(PAIR_PREFIX.length()));
            }
        });
        for (Map.Entry<String, List<String>> e : assignment.entrySet()) {
            if (e.getKey().equalsIgnoreCase(CONTEXT_KEYS)) {
                for (String name : e.getValue()) {
                    if (pairKeys.stream().noneMatch(name::equalsIgnoreCase) && pairKeys.add(name)) {
                        b.put(PAIR_PREFIX + name, ConditionSamples.OTHER, "diff");
                    }
                }
            }
        }
        if (!pairKeys.isEmpty()) {
            b.putAll(CONTEXT_KEYS, pairKeys, "diff");
        }
        return b.build();
    }

    private static AuthorizationRequest request(CallerVariant c, Action action, KeyFacts key, RequestFacts facts,
            RequestContext ctx) {
        return AuthorizationRequest.builder().caller(c.caller()).action(action).key(key).facts(facts).context(ctx)
                .build();
    }
}

package io.kmsd.policy.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.eval.Outcome;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 6 §6(c): for generated key policies and requests inside the translatable subset, this engine and Cedar
 * (cedar-java, on the {@link CedarExport} translation) agree on every decision — and on why: the key-policy
 * statements that allow, the ones that explicitly deny, the cross-account gate. 400 policies × 25 requests =
 * 10,000 cases per run. Known translation limits are kept out of the generator (see {@link ConditionTranslator}
 * and docs: boolean request values in upper case, multivalued values of single-valued keys, malformed source
 * addresses, ARN values with more than five colons, grants).
 */
class DifferentialProperties {
    static final int REQUESTS_PER_POLICY = 25;
    private static final Evaluator EVALUATOR = new Evaluator();
    private static final NamedPolicy ALLOW_ALL = new NamedPolicy("allow-all", PolicyParser.parseIdentityPolicy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final AtomicLong CASES = new AtomicLong();

    @Provide
    Arbitrary<List<Generated.Stmt>> policies() {
        return Generated.policies();
    }

    @Provide
    Arbitrary<List<Generated.Req>> requests() {
        return Generated.requests().list().ofSize(REQUESTS_PER_POLICY);
    }

    @Property(tries = 400, seed = "", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void theEngineAndCedarAgree(@ForAll("policies") List<Generated.Stmt> statements,
            @ForAll("requests") List<Generated.Req> requests) {
        String json = policyJson(statements);
        PolicyDocument doc = PolicyParser.parseKeyPolicy(json, null);
        CedarExport export = CedarExport.of("generated", doc);
        assertThat(export.skipped()).as("the generator stays inside the translatable subset:\n" + json).isEmpty();
        CedarOracle cedar = new CedarOracle(export);
        for (Generated.Req req : requests) {
            AuthorizationRequest r = request(doc, req);
            Decision ours = EVALUATOR.evaluate(r);
            boolean identityAllowed = req.identity() || req.caller().type().equals("Root");
            CedarOracle.Answer theirs = cedar.decide(r, identityAllowed, false);
            String why = json + "\n" + req + "\nengine: " + ours + "\ncedar: " + theirs + "\n" + export.cedar();
            assertThat(theirs.errors()).as(why).isEmpty();
            assertThat(theirs.allowed()).as(why).isEqualTo(ours.allowed());
            assertThat(reasons(ours)).as(why).isEqualTo(mapped(theirs, export, ours));
            Statistics.label("outcome").collect(ours.outcome());
            CASES.incrementAndGet();
        }
        // Floors, not typical values: the 25 requests of one policy share its statements, so the shares swing from
        // run to run (seen: ALLOW 11-13%, EXPLICIT_DENY 2.9-7%, CROSS_ACCOUNT_UNSUPPORTED 3.7-5% of 10,000 cases).
        Statistics.label("outcome").coverage(c -> {
            c.check(Outcome.ALLOW).percentage(p -> p > 4);
            c.check(Outcome.EXPLICIT_DENY).percentage(p -> p > 1);
            c.check(Outcome.CROSS_ACCOUNT_UNSUPPORTED).percentage(p -> p > 1);
        });
    }

    @AfterContainer
    static void atLeastTenThousandCases() {
        assertThat(CASES.get()).as("differential cases run").isGreaterThanOrEqualTo(10_000);
    }

    private static String policyJson(List<Generated.Stmt> statements) {
        StringBuilder sb = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
        for (int i = 0; i < statements.size(); i++) {
            String s = statements.get(i).json();
            sb.append(i == 0 ? "" : ", ").append("{\"Sid\": \"S").append(i).append("\", ").append(s.substring(1));
        }
        return sb.append("]}").toString();
    }

    /** What decided our answer, in Cedar's terms: allowing or denying key-policy statements, or the gate. */
    private static Set<String> reasons(Decision d) {
        if (d.outcome() == Outcome.CROSS_ACCOUNT_UNSUPPORTED) {
            return Set.of(CedarExport.GATE_ID);
        }
        return d.deciding().stream().filter(ref -> ref.startsWith("keyPolicy#")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Cedar's reasons as statement references; with the gate, only the gate (our engine stops there, E2). */
    private static Set<String> mapped(CedarOracle.Answer a, CedarExport export, Decision ours) {
        if (ours.outcome() == Outcome.CROSS_ACCOUNT_UNSUPPORTED && a.reasons().contains(CedarExport.GATE_ID)) {
            return Set.of(CedarExport.GATE_ID);
        }
        return a.reasons().stream().map(id -> export.translated().getOrDefault(id, id))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static AuthorizationRequest request(PolicyDocument doc, Generated.Req q) {
        Map<String, String> tags = q.team().isEmpty() ? Map.of() : Map.of("team", q.team());
        Generated.Who w = q.caller();
        Principal p = Principal.of(w.arn(), PrincipalType.valueOf(w.type()), w.account(), w.roleArn(), null, tags, null);
        Caller caller = new Caller(p, q.identity() ? List.of(ALLOW_ALL) : List.of());
        KeyAttributes attrs = new KeyAttributes(null, null, null, false, null, null,
                q.env().isEmpty() ? Map.of() : Map.of("env", q.env()));
        RequestFacts facts = RequestFacts.builder().currentTime(NOW).viaService(q.via().isEmpty() ? null : q.via())
                .encryptionContext(context(q.context())).sourceIp(q.ip().isEmpty() ? null : q.ip())
                .secureTransport(q.secure()).build();
        return AuthorizationRequest.builder().caller(caller).action("kms:" + q.action())
                .key(KeyFacts.of(Generated.KEY_ARN, doc, attrs)).facts(facts).build();
    }

    private static Map<String, String> context(String pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : pairs.isEmpty() ? new String[0] : pairs.split(",")) {
            out.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return out;
    }
}

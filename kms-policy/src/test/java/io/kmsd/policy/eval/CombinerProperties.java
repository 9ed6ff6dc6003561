package io.kmsd.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.Fixtures;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.NaiveReference.G;
import io.kmsd.policy.eval.NaiveReference.Stmt;
import io.kmsd.policy.eval.NaiveReference.Via;
import io.kmsd.policy.eval.NaiveReference.Who;
import io.kmsd.policy.explain.Explainer;
import io.kmsd.policy.explain.Explanation;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.grants.GrantState;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The combining rule (key-policy-semantics E20) — and the statement and grant matching feeding it — checked
 * against {@link NaiveReference} over generated policies, identity policies, grants and requests.
 */
class CombinerProperties {
    private static final ObjectMapper M = new ObjectMapper();

    record Scenario(Principal caller, String op, List<Stmt> key, List<List<Stmt>> identity, List<G> grants, String via) {
        @Override
        public String toString() {
            return caller + " " + op + " via=" + via + "\n key=" + key + "\n identity=" + identity + "\n grants=" + grants;
        }
    }

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void evaluatorAgreesWithTheNaiveReference(@ForAll("scenarios") Scenario s) {
        Decision real = Fixtures.EVALUATOR.evaluate(request(s));
        NaiveReference.Result expected = NaiveReference.decide(s.caller(), s.op(), Fixtures.KEY_ARN, s.key(),
                s.identity(), s.grants(), s.via(), "g0");
        Statistics.label("outcome").collect(real.outcome());
        assertThat(real.decision()).as(s.toString()).isEqualTo(expected.decision());
        assertThat(Set.copyOf(real.deciding())).as(s.toString()).isEqualTo(expected.deciding());
        Statistics.label("outcome").coverage(c -> {
            c.check(Outcome.ALLOW).percentage(p -> p > 5);
            c.check(Outcome.EXPLICIT_DENY).percentage(p -> p > 3);
            c.check(Outcome.CROSS_ACCOUNT_UNSUPPORTED).percentage(p -> p > 1);
        });
    }

    @Property(tries = 500)
    void explanationsAgreeWithTheDecision(@ForAll("scenarios") Scenario s) {
        Decision d = Fixtures.EVALUATOR.evaluate(request(s));
        Explanation x = Explainer.explain(d);
        Set<String> applying = new LinkedHashSet<>();
        x.policies().forEach(p -> p.statements().stream().filter(Explanation.StatementResult::applies)
                .forEach(st -> applying.add(st.ref())));
        Set<String> evidence = new LinkedHashSet<>();
        evidence.addAll(d.evidence().denies());
        evidence.addAll(d.evidence().keyDirect());
        evidence.addAll(d.evidence().keyAccount());
        d.evidence().identity().stream().filter(r -> !r.equals(Evaluator.ROOT_IMPLICIT)).forEach(evidence::add);
        assertThat(applying).as(s.toString()).isEqualTo(evidence);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Principal> callers = Arbitraries.of(Fixtures.alice(), Fixtures.bob(), Fixtures.appSession(),
                Fixtures.carol(), Principal.root(Fixtures.ACCOUNT), Principal.root(Fixtures.PARTNER),
                Principal.service("cloudtrail.amazonaws.com"));
        Arbitrary<String> ops = Arbitraries.of("Decrypt", "Encrypt", "PutKeyPolicy", "DisableKey", "RetireGrant",
                "GetKeyRotationStatus", "CreateGrant");
        Arbitrary<List<Stmt>> key = statement(true).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<List<Stmt>>> identity = statement(false).list().ofMinSize(1).ofMaxSize(2).list().ofMaxSize(2);
        Arbitrary<List<G>> grants = grant().list().ofMaxSize(2);
        Arbitrary<String> via = Arbitraries.of("rds.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com")
                .injectNull(0.5);
        return Combinators.combine(callers, ops, key, identity, grants, via).as((c, op, k, ids, gs, v) -> {
            boolean hasIdentity = c.type() != PrincipalType.Root && c.type() != PrincipalType.Service;
            return new Scenario(c, op, sids(k, "S"), hasIdentity ? identitySids(ids) : List.of(), grantIds(gs), v);
        });
    }

    private Arbitrary<Stmt> statement(boolean keyPolicy) {
        Arbitrary<Boolean> allow = Arbitraries.of(true, true, false);
        Arbitrary<List<Who>> principals = Arbitraries.of(Who.class).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<Boolean> notPrincipal = Arbitraries.of(true, false, false);
        Arbitrary<String> actions = Arbitraries.of("kms:*", "*", "kms:Decrypt", "kms:Encrypt", "kms:*crypt",
                "KMS:put*", "kms:Disable?ey", "kms:RetireGrant", "kms:Get*", "s3:*");
        Arbitrary<Boolean> negate = Arbitraries.of(true, false, false, false);
        Arbitrary<String> resources = Arbitraries.of("*", Fixtures.KEY_ARN, Fixtures.OTHER_KEY_ARN,
                "arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:*:444455556666:key/*").injectNull(keyPolicy ? 0.1 : 0);
        Arbitrary<Via> vias = Arbitraries.of(Via.class);
        return Combinators.combine(allow, principals, notPrincipal, actions, negate, resources, negate, vias)
                .as((a, p, np, act, na, res, nr, v) -> new Stmt("", a, keyPolicy ? p : List.of(),
                        keyPolicy && !a && np, act, na, res, nr, v));
    }

    private Arbitrary<G> grant() {
        Arbitrary<String> who = Arbitraries.of(Fixtures.ALICE, Fixtures.BOB, Fixtures.APP_ROLE, Fixtures.CAROL,
                "arn:aws:iam::111122223333:root", "cloudtrail.amazonaws.com");
        Arbitrary<Set<String>> ops = Arbitraries.of("Decrypt", "Encrypt", "RetireGrant").set().ofMinSize(1);
        return Combinators.combine(who, who.injectNull(0.6), ops, Arbitraries.of(true, true, false))
                .as((g, r, o, active) -> new G("", g, r, o, active));
    }

    private static List<Stmt> sids(List<Stmt> ss, String prefix) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            Stmt s = ss.get(i);
            out.add(new Stmt(prefix + i, s.allow(), s.principals(), s.notPrincipal(), s.action(), s.notAction(),
                    s.resource(), s.notResource(), s.via()));
        }
        return out;
    }

    private static List<List<Stmt>> identitySids(List<List<Stmt>> ids) {
        return ids.stream().map(p -> sids(p, "I")).toList();
    }

    private static List<G> grantIds(List<G> gs) {
        List<G> out = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) {
            G g = gs.get(i);
            out.add(new G("g" + i, g.grantee(), g.retiring(), g.ops(), g.active()));
        }
        return out;
    }

    static AuthorizationRequest request(Scenario s) {
        List<NamedPolicy> ids = new ArrayList<>();
        for (int p = 0; p < s.identity().size(); p++) {
            ids.add(new NamedPolicy("p" + p, PolicyParser.parseIdentityPolicy(document(s.identity().get(p), false))));
        }
        List<Grant> grants = s.grants().stream().map(g -> new Grant(g.id(), Fixtures.KEY_ARN, g.grantee(),
                g.retiring(), g.ops(), null, "111122223333", g.active() ? GrantState.ACTIVE : GrantState.RETIRED, true,
                null)).toList();
        return AuthorizationRequest.builder().caller(new Caller(s.caller(), ids)).action("kms:" + s.op())
                .key(Fixtures.key(PolicyParser.parseKeyPolicy(document(s.key(), true), null)))
                .facts(Fixtures.facts().viaService(s.via()).targetGrantId("g0").build()).grants(grants).build();
    }

    private static String document(List<Stmt> ss, boolean keyPolicy) {
        ObjectNode doc = M.createObjectNode().put("Version", "2012-10-17");
        ArrayNode arr = doc.putArray("Statement");
        for (Stmt s : ss) {
            ObjectNode o = arr.addObject().put("Sid", s.sid()).put("Effect", s.allow() ? "Allow" : "Deny");
            if (keyPolicy) {
                principal(o, s);
            }
            o.put(s.notAction() ? "NotAction" : "Action", s.action());
            if (s.resource() != null) {
                o.put(s.notResource() ? "NotResource" : "Resource", s.resource());
            }
            condition(o, s.via());
        }
        return doc.toString();
    }

    private static void principal(ObjectNode o, Stmt s) {
        String element = s.notPrincipal() ? "NotPrincipal" : "Principal";
        if (s.principals().contains(Who.STAR)) {
            o.put(element, "*");
            return;
        }
        ObjectNode p = o.putObject(element);
        for (Who w : s.principals()) {
            String member = w == Who.CLOUDTRAIL ? "Service" : "AWS";
            (p.has(member) ? (ArrayNode) p.get(member) : p.putArray(member)).add(NaiveReference.arnOf(w));
        }
    }

    private static void condition(ObjectNode o, Via via) {
        String op = switch (via) {
            case NONE -> null;
            case EQUALS_RDS -> "StringEquals";
            case NOT_EQUALS_RDS -> "StringNotEquals";
            case EQUALS_RDS_IF_EXISTS -> "StringEqualsIfExists";
        };
        if (op != null) {
            o.putObject("Condition").putObject(op).put("kms:ViaService", "rds.us-east-1.amazonaws.com");
        }
    }
}

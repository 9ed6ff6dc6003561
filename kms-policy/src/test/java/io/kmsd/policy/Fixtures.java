package io.kmsd.policy;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.grants.Grant;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.time.Instant;
import java.util.List;

/** Shared test data: accounts, principals, the test key and small builders. JSON is written with ' for ". */
public final class Fixtures {
    public static final String ACCOUNT = "111122223333";
    public static final String PARTNER = "444455556666";
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70";
    public static final String OTHER_KEY_ARN =
            "arn:aws:kms:us-east-1:111122223333:key/7e4d2c1b-9a8f-4b3c-8d2e-1f0a9b8c7d6e";
    public static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    public static final String BOB = "arn:aws:iam::111122223333:user/bob";
    public static final String CAROL = "arn:aws:iam::444455556666:user/carol";
    public static final String APP_ROLE = "arn:aws:iam::111122223333:role/AppRole";
    public static final String APP_SESSION = "arn:aws:sts::111122223333:assumed-role/AppRole/etl-17";
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final Evaluator EVALUATOR = new Evaluator();

    private Fixtures() {
    }

    /** Turns {@code {'a':'b'}} into {@code {"a":"b"}}. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static PolicyDocument keyPolicy(String singleQuoted) {
        return PolicyParser.parseKeyPolicy(json(singleQuoted), null);
    }

    public static NamedPolicy identity(String name, String singleQuoted) {
        return new NamedPolicy(name, PolicyParser.parseIdentityPolicy(json(singleQuoted)));
    }

    /** A key policy of one statement, e.g. {@code statement("'Sid':'A','Effect':'Allow',...")}. */
    public static PolicyDocument oneStatement(String body) {
        return keyPolicy("{'Version':'2012-10-17','Statement':[{" + body + "}]}");
    }

    public static Principal alice() {
        return Principal.user(ALICE, ACCOUNT);
    }

    public static Principal bob() {
        return Principal.user(BOB, ACCOUNT);
    }

    public static Principal carol() {
        return Principal.user(CAROL, PARTNER);
    }

    public static Principal appSession() {
        return Principal.session(APP_SESSION, APP_ROLE, ACCOUNT);
    }

    public static Principal root(String account) {
        return Principal.root(account);
    }

    public static Principal federated() {
        return Principal.of("arn:aws:sts::111122223333:federated-user/dana", PrincipalType.FederatedUser, ACCOUNT,
                null, null, null, null);
    }

    public static KeyFacts key(PolicyDocument policy) {
        return KeyFacts.of(KEY_ARN, policy, KeyAttributes.DEFAULT);
    }

    public static RequestFacts.Builder facts() {
        return RequestFacts.builder().currentTime(NOW);
    }

    public static AuthorizationRequest request(Principal p, String action, PolicyDocument keyPolicy,
            NamedPolicy... identity) {
        return request(p, action, keyPolicy, facts().build(), List.of(), identity);
    }

    public static AuthorizationRequest request(Principal p, String action, PolicyDocument keyPolicy,
            RequestFacts facts, List<Grant> grants, NamedPolicy... identity) {
        return AuthorizationRequest.builder().caller(new Caller(p, List.of(identity))).action(action)
                .key(key(keyPolicy)).facts(facts).grants(grants).build();
    }

    public static Decision decide(AuthorizationRequest r) {
        return EVALUATOR.evaluate(r);
    }
}

package io.kmsd.policy.cedar;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for the differential test: key policies and requests inside the translatable subset (see
 * {@link ConditionTranslator}), over a small world of two accounts, their users, roles, sessions, root users, a
 * federated user and two services, so that generated statements and requests meet often.
 */
final class Generated {
    static final String KA = "111122223333";
    static final String XA = "444455556666";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:" + KA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** A statement as JSON text, with its Sid. */
    record Stmt(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    /** A caller of the world: ARN, V2 type, account, role ARN; {@code iam} = may carry an allow-all identity policy. */
    record Who(String arn, String type, String account, String roleArn) {
        boolean iam() {
            return type.equals("User") || type.equals("AssumedRole") || type.equals("FederatedUser");
        }
    }

    /** One request: caller, whether its identity policy allows kms:*, action and facts. */
    record Req(Who caller, boolean identity, String action, String via, String context, String ip, boolean secure,
            String env, String team) {
        @Override
        public String toString() {
            return caller.arn() + (identity ? " +IAM" : "") + " kms:" + action + " via=" + via + " ec=" + context
                    + " ip=" + ip + " tls=" + secure + " env=" + env + " team=" + team;
        }
    }

    static final List<Who> CALLERS = List.of(
            new Who("arn:aws:iam::" + KA + ":user/alice", "User", KA, null),
            new Who("arn:aws:iam::" + KA + ":user/bob", "User", KA, null),
            new Who("arn:aws:sts::" + KA + ":assumed-role/App/s1", "AssumedRole", KA, "arn:aws:iam::" + KA + ":role/App"),
            new Who("arn:aws:sts::" + KA + ":assumed-role/Ops/s2", "AssumedRole", KA, "arn:aws:iam::" + KA + ":role/ops/Ops"),
            new Who("arn:aws:iam::" + XA + ":user/carol", "User", XA, null),
            new Who("arn:aws:sts::" + XA + ":assumed-role/Partner/p1", "AssumedRole", XA, "arn:aws:iam::" + XA + ":role/Partner"),
            new Who("arn:aws:iam::" + KA + ":root", "Root", KA, null),
            new Who("arn:aws:iam::" + XA + ":root", "Root", XA, null),
            new Who("arn:aws:sts::" + KA + ":federated-user/dana", "FederatedUser", KA, null),
            new Who("s3.amazonaws.com", "Service", null, null),
            new Who("cloudtrail.amazonaws.com", "Service", null, null));

    private static final List<String> AWS_ENTRIES = List.of("\"*\"", "\"" + KA + "\"", "\"arn:aws:iam::" + XA + ":root\"",
            "\"arn:aws:iam::" + KA + ":user/alice\"", "\"arn:aws:iam::" + KA + ":role/App\"",
            "\"arn:aws:iam::" + KA + ":role/ops/Ops\"", "\"arn:aws:sts::" + KA + ":assumed-role/App/s1\"",
            "\"arn:aws:iam::" + XA + ":user/carol\"", "\"arn:aws:iam::" + XA + ":role/Partner\"",
            "\"arn:aws:sts::" + KA + ":federated-user/dana\"");
    private static final List<String> SERVICE_ENTRIES = List.of("\"s3.amazonaws.com\"", "\"cloudtrail.amazonaws.com\"");
    static final List<String> ACTIONS = List.of("Decrypt", "Encrypt", "DescribeKey", "GenerateDataKey", "DisableKey",
            "PutKeyPolicy", "CreateGrant", "ListGrants", "RetireGrant", "ScheduleKeyDeletion");
    private static final List<String> ACTION_PATTERNS = List.of("\"kms:*\"", "\"kms:*\"", "\"*\"", "\"kms:Decrypt\"",
            "\"kms:Encrypt\"", "\"kms:Describe*\"", "\"kms:Generate*\"", "\"kms:DisableKey\"", "\"kms:PutKeyPolicy\"",
            "\"kms:CreateGrant\"", "\"kms:ListGrants\"", "\"kms:RetireGrant\"", "\"kms:*Key*\"", "\"s3:GetObject\"");
    private static final List<String> RESOURCES = List.of("\"Resource\": \"*\"", "\"Resource\": \"*\"",
            "\"Resource\": \"*\"", "\"Resource\": \"*\"", "\"Resource\": \"*\"", "\"Resource\": \"arn:aws:kms:*:" + KA + ":key/*\"", "\"Resource\": \"" + KEY_ARN + "\"",
            "\"Resource\": \"arn:aws:kms:us-east-1:" + KA + ":key/other\"", "\"Resource\": \"arn:aws:kms:*:*:*\"",
            "\"Resource\": \"arn:aws:kms:*\"", "\"Resource\": \"arn:aws:s3:::bucket\"",
            "\"NotResource\": \"arn:aws:kms:*:" + XA + ":key/*\"", "\"NotResource\": \"*\"", "");
    private static final List<String> CONDITIONS = List.of(
            "\"%s\": {\"kms:ViaService\": [\"s3.us-east-1.amazonaws.com\"]}",
            "\"%s\": {\"kms:ViaService\": [\"s3.us-east-1.amazonaws.com\", \"rds.us-east-1.amazonaws.com\"]}",
            "\"%s\": {\"kms:EncryptionContext:app\": \"x\"}",
            "\"%s\": {\"kms:EncryptionContext:app\": [\"x\", \"y\"]}",
            "\"%s\": {\"aws:ResourceTag/env\": \"prod\"}",
            "\"%s\": {\"aws:PrincipalTag/team\": \"red\"}",
            "\"%s\": {\"kms:CallerAccount\": \"" + KA + "\"}",
            "\"%s\": {\"kms:EncryptionContext:team\": \"${aws:PrincipalTag/team}\"}");
    private static final List<String> STRING_OPERATORS = List.of("StringEquals", "StringNotEquals",
            "StringEqualsIfExists", "StringNotEqualsIfExists", "ForAnyValue:StringEquals", "ForAllValues:StringNotEquals",
            "ForAnyValue:StringNotEqualsIfExists");
    private static final List<String> OTHER_CONDITIONS = List.of(
            "\"StringLike\": {\"kms:ViaService\": \"*.us-east-1.amazonaws.com\"}",
            "\"StringNotLike\": {\"kms:EncryptionContext:app\": \"x*\"}",
            "\"StringLikeIfExists\": {\"kms:ViaService\": \"rds.*\"}",
            "\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"app\", \"team\"]}",
            "\"ForAnyValue:StringEquals\": {\"kms:EncryptionContextKeys\": \"App\"}",
            "\"ForAllValues:StringNotEquals\": {\"kms:EncryptionContextKeys\": \"team\"}",
            "\"ForAnyValue:StringNotEquals\": {\"kms:EncryptionContextKeys\": [\"app\"]}",
            "\"StringEquals\": {\"kms:EncryptionContextKeys\": \"app\"}",
            "\"StringNotEquals\": {\"kms:EncryptionContextKeys\": \"app\"}",
            "\"Null\": {\"kms:EncryptionContextKeys\": \"true\"}",
            "\"Null\": {\"kms:ViaService\": \"false\"}",
            "\"Null\": {\"aws:PrincipalTag/team\": [\"true\", \"false\"]}",
            "\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"192.0.2.9\"]}",
            "\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}",
            "\"NotIpAddressIfExists\": {\"aws:SourceIp\": \"192.0.2.0/24\"}",
            "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::" + KA + ":user/*\"}",
            "\"ArnNotLike\": {\"aws:PrincipalArn\": [\"arn:aws:iam::*:role/App\", \"arn:aws:iam::" + KA + ":root\"]}",
            "\"ArnEquals\": {\"aws:PrincipalArn\": \"*\"}",
            "\"ArnLikeIfExists\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:root\"}",
            "\"Bool\": {\"aws:SecureTransport\": \"false\"}",
            "\"Bool\": {\"kms:GrantIsForAWSResource\": true}",
            "\"Bool\": {\"aws:ViaAWSService\": \"True\"}",
            "\"StringEquals\": {\"aws:PrincipalType\": [\"User\", \"Account\"]}",
            "\"StringNotEquals\": {\"kms:EncryptionContext:team\": \"${aws:PrincipalTag/team}\"}");

    private Generated() {
    }

    static Arbitrary<List<Stmt>> policies() {
        return statement().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Stmt> statement() {
        Arbitrary<Boolean> allow = Arbitraries.of(true, true, false);
        Arbitrary<String> actions = Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(l -> "[" + String.join(", ", l) + "]");
        Arbitrary<Boolean> notAction = Arbitraries.of(false, false, false, true);
        Arbitrary<String> some = condition().list().ofMinSize(1).ofMaxSize(2)
                .uniqueElements(c -> c.substring(0, c.indexOf(':')))
                .map(l -> ", \"Condition\": {" + String.join(", ", l) + "}");
        Arbitrary<String> conditions = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(3, some));
        return Combinators.combine(allow, principal(), actions, notAction, Arbitraries.of(RESOURCES), conditions)
                .as((a, p, act, na, res, cond) -> {
                    boolean notPrincipal = !a && p.startsWith("N");
                    String principal = notPrincipal ? "\"NotPrincipal\": " + p.substring(1) : "\"Principal\": "
                            + (p.startsWith("N") ? p.substring(1) : p);
                    return new Stmt("{\"Effect\": \"" + (a ? "Allow" : "Deny") + "\", " + principal + ", \""
                            + (na ? "NotAction" : "Action") + "\": " + act + (res.isEmpty() ? "" : ", " + res) + cond + "}");
                });
    }

    /** A principal element; a leading N marks one a Deny may use as NotPrincipal. */
    private static Arbitrary<String> principal() {
        Arbitrary<String> aws = Arbitraries.of(AWS_ENTRIES).list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(l -> "{\"AWS\": [" + String.join(", ", l) + "]}");
        Arbitrary<String> mixed = Combinators.combine(Arbitraries.of(AWS_ENTRIES), Arbitraries.of(SERVICE_ENTRIES))
                .as((a, s) -> "{\"AWS\": " + a + ", \"Service\": [" + s + "]}");
        Arbitrary<String> plain = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just("\"*\"")),
                net.jqwik.api.Tuple.of(6, aws), net.jqwik.api.Tuple.of(2, mixed));
        return Combinators.combine(plain, Arbitraries.of(false, false, false, true))
                .as((p, not) -> not ? "N" + p : p);
    }

    /** {@code "operator": {key: values}}; the key part before the first colon keeps operators unique per block. */
    private static Arbitrary<String> condition() {
        Arbitrary<String> string = Combinators.combine(Arbitraries.of(STRING_OPERATORS), Arbitraries.of(CONDITIONS))
                .as((op, c) -> c.formatted(op))
                .filter(c -> !(c.startsWith("\"ForAllValues:") && c.contains("kms:EncryptionContext:")));
        return Arbitraries.oneOf(string, Arbitraries.of(OTHER_CONDITIONS));
    }

    static Arbitrary<Req> requests() {
        Arbitrary<Who> who = Arbitraries.of(CALLERS);
        Arbitrary<String> via = Arbitraries.of("", "", "s3.us-east-1.amazonaws.com", "rds.us-east-1.amazonaws.com");
        Arbitrary<String> context = Arbitraries.of("", "", "app=x", "app=y,team=red", "App=x", "team=blue", "app=x2");
        Arbitrary<String> ip = Arbitraries.of("", "10.1.2.3", "192.0.2.9", "2001:db8::1");
        Arbitrary<String> team = Arbitraries.of("", "red", "blue");
        return Combinators.combine(who, Arbitraries.of(true, true, true, false), Arbitraries.of(ACTIONS), via, context, ip,
                Arbitraries.of(true, true, false), team)
                .as((w, iam, a, v, ec, i, tls, t) -> new Req(w, iam && w.iam(), a, v, ec, i, tls,
                        Math.abs((w.arn() + a + ec).hashCode()) % 3 == 0 ? "prod" : "", w.iam() ? t : ""));
    }
}

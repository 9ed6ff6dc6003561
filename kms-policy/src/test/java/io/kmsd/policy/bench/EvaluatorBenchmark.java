package io.kmsd.policy.bench;

import io.kmsd.policy.actions.Action;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.Caller;
import io.kmsd.policy.request.KeyAttributes;
import io.kmsd.policy.request.KeyFacts;
import io.kmsd.policy.request.RequestFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Decision latency on one thread: the console-style key policy (4 statements, with conditions) plus one identity
 * policy, compiled once. Target: p50 under 2 µs per decision. Not a test (Surefire ignores the name); run
 * {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EvaluatorBenchmark {
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70";
    private static final String POLICY = """
            {"Version":"2012-10-17","Id":"key-consolepolicy-3","Statement":[
             {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
              "Action":"kms:*","Resource":"*"},
             {"Sid":"Allow access for Key Administrators","Effect":"Allow",
              "Principal":{"AWS":"arn:aws:iam::111122223333:role/KeyAdminRole"},
              "Action":["kms:Create*","kms:Describe*","kms:Enable*","kms:List*","kms:Put*","kms:Update*","kms:Revoke*",
                        "kms:Disable*","kms:Get*","kms:Delete*","kms:TagResource","kms:UntagResource",
                        "kms:ScheduleKeyDeletion","kms:CancelKeyDeletion"],"Resource":"*"},
             {"Sid":"Allow use of the key","Effect":"Allow",
              "Principal":{"AWS":["arn:aws:iam::111122223333:user/alice","arn:aws:iam::111122223333:role/AppRole"]},
              "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:DescribeKey"],
              "Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"},
                                          "Null":{"kms:EncryptionContextKeys":"false"}}},
             {"Sid":"Allow attachment of persistent resources","Effect":"Allow",
              "Principal":{"AWS":["arn:aws:iam::111122223333:user/alice","arn:aws:iam::111122223333:role/AppRole"]},
              "Action":["kms:CreateGrant","kms:ListGrants","kms:RevokeGrant"],"Resource":"*",
              "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}]}""";
    private static final String IDENTITY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AppData","Effect":"Allow",
              "Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"arn:aws:kms:us-east-1:111122223333:key/*",
              "Condition":{"StringLike":{"kms:EncryptionContext:app":"billing-*"}}}]}""";

    private final Evaluator evaluator = new Evaluator();
    private Caller session;
    private KeyFacts key;
    private RequestFacts facts;
    private AuthorizationRequest prebuilt;
    private AuthorizationRequest prebuiltDenied;

    @Setup
    public void compileOnce() {
        PolicyDocument policy = PolicyParser.parseKeyPolicy(POLICY, null);
        NamedPolicy identity = new NamedPolicy("app-data", PolicyParser.parseIdentityPolicy(IDENTITY));
        session = new Caller(Principal.session("arn:aws:sts::111122223333:assumed-role/AppRole/worker-7",
                "arn:aws:iam::111122223333:role/AppRole", "111122223333"), List.of(identity));
        key = KeyFacts.of(KEY_ARN, policy, KeyAttributes.DEFAULT);
        facts = RequestFacts.builder().currentTime(Instant.parse("2025-06-01T12:00:00Z")).sourceIp("10.1.2.3")
                .encryptionContext(Map.of("app", "billing-eu")).build();
        prebuilt = request(session, "kms:Decrypt");
        Caller admin = new Caller(Principal.session("arn:aws:sts::111122223333:assumed-role/KeyAdminRole/ops",
                "arn:aws:iam::111122223333:role/KeyAdminRole", "111122223333"), List.of());
        prebuiltDenied = request(admin, "kms:Decrypt");
        if (!evaluator.evaluate(prebuilt).allowed() || evaluator.evaluate(prebuiltDenied).allowed()) {
            throw new IllegalStateException("benchmark requests do not decide as intended");
        }
    }

    private AuthorizationRequest request(Caller caller, String action) {
        return AuthorizationRequest.builder().caller(caller).action(Action.of(action)).key(key).facts(facts).build();
    }

    /** The decision alone: context already built (as kms-api could cache per request). */
    @Benchmark
    public Decision evaluateAllow() {
        return evaluator.evaluate(prebuilt);
    }

    /** An implicit deny walks every statement of both policies. */
    @Benchmark
    public Decision evaluateImplicitDeny() {
        return evaluator.evaluate(prebuiltDenied);
    }

    /** What kms-api pays per request: build the context from the facts, then decide. */
    @Benchmark
    public Decision buildContextAndEvaluate() {
        return evaluator.evaluate(request(session, "kms:Decrypt"));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(EvaluatorBenchmark.class.getName() + ".*")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1).threads(1).build()).run();
    }
}

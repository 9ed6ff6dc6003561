package io.kmsd.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.explain.Explainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kms explain} inputs: flags or a one-vector file (DESIGN.md CLI). */
class ExplainRequestTest {
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final Evaluator EVALUATOR = new Evaluator();

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("key.json"), """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"},
                 {"Sid":"Tenant","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{
                   "StringEquals":{"kms:EncryptionContext:tenant":"${aws:PrincipalTag/tenant}","kms:CallerAccount":"111122223333",
                     "aws:ResourceTag/env":"dev","kms:ViaService":"s3.us-east-1.amazonaws.com"},
                   "ForAllValues:StringEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]}}}]}""");
        Files.writeString(dir.resolve("app-role.json"), """
                {"Version":"2012-10-17","Statement":[{"Sid":"Use","Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}""");
        Files.writeString(dir.resolve("grants.json"), """
                [{"grantId":"g1","granteePrincipal":"arn:aws:iam::111122223333:user/bob","operations":["Decrypt"]}]""");
    }

    private ExplainRequest base() {
        return new ExplainRequest().keyPolicy(dir.resolve("key.json")).keyArn(KEY).action("kms:Decrypt");
    }

    @Test
    void contextFlagsBecomeRequestFacts() throws IOException {
        Decision d = base().principal("arn:aws:iam::111122223333:user/alice")
                .context("kms:EncryptionContext:tenant=acme").context("aws:PrincipalTag/tenant=acme")
                .context("aws:ResourceTag/env=dev").context("kms:ViaService=s3.us-east-1.amazonaws.com")
                .context("aws:SourceVpce=vpce-1").context("aws:SourceVpce=vpce-2").decide(EVALUATOR);
        assertThat(d.deciding()).containsExactly("keyPolicy#Tenant");
        assertThat(d.request().context().lookup("aws:SourceVpce").values()).containsExactly("vpce-1", "vpce-2");
        Decision other = base().principal("arn:aws:iam::111122223333:user/alice")
                .context("kms:EncryptionContext:tenant=acme").context("aws:PrincipalTag/tenant=globex")
                .decide(EVALUATOR);
        assertThat(other.decision()).isEqualTo("DENY");
    }

    @Test
    void identityPoliciesAreNamedAfterTheirFilesAndGrantsDefaultToTheKey() throws IOException {
        Decision d = base().action("kms:Encrypt").principal("arn:aws:iam::111122223333:role/App")
                .identityPolicy(dir.resolve("app-role.json")).decide(EVALUATOR);
        assertThat(d.deciding()).containsExactly("keyPolicy#Root", "identity:app-role#Use");
        Decision g = base().principal("arn:aws:iam::111122223333:user/bob").grants(dir.resolve("grants.json"))
                .decide(EVALUATOR);
        assertThat(g.deciding()).containsExactly("grant:g1");
        assertThat(Explainer.explain(g).grants()).singleElement().satisfies(r -> assertThat(r.result()).isEqualTo("APPLIES"));
    }

    @Test
    void missingOrMalformedFlagsAreNamed() {
        assertThatThrownBy(() -> base().decide(EVALUATOR)).hasMessage("--principal is required (or give --request FILE)");
        assertThatThrownBy(() -> new ExplainRequest().decide(EVALUATOR)).hasMessageStartingWith("--key-policy");
        assertThatThrownBy(() -> base().principal("alice").decide(EVALUATOR)).hasMessageContaining("'alice' is not");
        assertThatThrownBy(() -> base().principal("111122223333").context("novalue").decide(EVALUATOR))
                .hasMessage("--context needs KEY=VALUE, got 'novalue'");
        assertThatThrownBy(() -> base().principal("111122223333").keyPolicy(dir.resolve("nope.json")).decide(EVALUATOR))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aRequestFileHoldsOneVectorAndItsExpectIsIgnored() throws IOException {
        Path one = dir.resolve("one.yaml");
        Files.writeString(one, """
                key: {arn: %s, policy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*"}]}}
                caller: {arn: "arn:aws:iam::111122223333:user/x", type: User, account: "111122223333"}
                request: {action: kms:Decrypt}
                expect: {decision: DENY}
                """.formatted(KEY));
        assertThat(ExplainRequest.decideFile(one, EVALUATOR).decision()).isEqualTo("ALLOW");
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, "key: {arn: " + KEY + ", policy: key.json}\ncases:\n"
                + "  - {caller: \"111122223333\", action: kms:Decrypt, expect: ALLOW}\n"
                + "  - {caller: \"111122223333\", action: kms:Encrypt, expect: ALLOW}\n");
        assertThatThrownBy(() -> ExplainRequest.decideFile(suite, EVALUATOR)).hasMessageEndingWith(
                "holds 2 vectors; --request needs one");
    }
}

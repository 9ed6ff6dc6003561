package io.kmsd.policy.diff;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./kms policy diff OLD NEW}: newly allowed and newly denied requests, exit 1 on new access. */
class PolicyDiffTest {
    static final String ROOT = "{'Sid':'Root','Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'kms:*',"
            + "'Resource':'*'}";
    static final String APP = "arn:aws:iam::111122223333:role/App";
    static final String APP_SESSION = "arn:aws:sts::111122223333:assumed-role/App/session";

    private static String policy(String... statements) {
        return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    private static DiffReport diff(String oldPolicy, String newPolicy) {
        return PolicyDiff.compare("old.json", oldPolicy, "new.json", newPolicy, DiffOptions.defaults());
    }

    private static String use(String actions, String condition) {
        return "{'Sid':'Use','Effect':'Allow','Principal':{'AWS':'" + APP + "'},'Action':" + actions
                + ",'Resource':'*'" + (condition.isEmpty() ? "" : ",'Condition':" + condition) + "}";
    }

    @Test
    void identicalPoliciesDifferNowhere() {
        String p = policy(ROOT, use("['kms:Decrypt']", "{'StringEquals':{'kms:ViaService':'s3.us-east-1.amazonaws.com'}}"));
        DiffReport r = diff(p, p);
        assertThat(r.changes()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.renderText()).isEqualTo("""
                OLD old.json, NEW new.json, key arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-000000000000
                newly allowed: none
                newly denied: none
                0 newly allowed, 0 newly denied (5 principals × 45 actions, 675 requests compared)
                """);
    }

    @Test
    void anAddedActionIsNewAccessForExactlyThatPrincipalAndAction() {
        DiffReport r = diff(policy(ROOT, use("'kms:Decrypt'", "")), policy(ROOT, use("['kms:Decrypt','kms:Encrypt']", "")));
        assertThat(r.newlyAllowed()).singleElement().satisfies(c -> {
            assertThat(c.principal()).isEqualTo(APP_SESSION);
            assertThat(c.identityAllows()).isFalse();
            assertThat(c.action()).isEqualTo("kms:Encrypt");
            assertThat(c.anyContext()).isTrue();
            assertThat(c.oldDeciding()).containsExactly("implicit");
            assertThat(c.newDeciding()).containsExactly("keyPolicy#Use");
        });
        assertThat(r.newlyDenied()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.renderText()).contains("newly allowed (1):\n  " + APP_SESSION + "  kms:Encrypt  in any context"
                + "  (by keyPolicy#Use)\n");
    }

    @Test
    void removingAccessIsNewlyDeniedAndExitsZero() {
        DiffReport r = diff(policy(ROOT, use("['kms:Decrypt','kms:Encrypt']", "")), policy(ROOT, use("'kms:Decrypt'", "")));
        assertThat(r.newlyAllowed()).isEmpty();
        assertThat(r.newlyDenied()).extracting(Change::action).containsExactly("kms:Encrypt");
        assertThat(r.newlyDenied().get(0).newDeciding()).containsExactly("implicit");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aWidenedConditionValueIsFoundWithTheValueThatMatters() {
        String s3 = "{'StringEquals':{'kms:ViaService':'s3.us-east-1.amazonaws.com'}}";
        String both = "{'StringEquals':{'kms:ViaService':['s3.us-east-1.amazonaws.com','rds.us-east-1.amazonaws.com']}}";
        DiffReport r = diff(policy(ROOT, use("'kms:Decrypt'", s3)), policy(ROOT, use("'kms:Decrypt'", both)));
        assertThat(r.newlyAllowed()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("kms:Decrypt");
            assertThat(c.context()).isEqualTo(Map.of("kms:ViaService", List.of("rds.us-east-1.amazonaws.com")));
        });
        assertThat(r.renderText()).contains(APP_SESSION + "  kms:Decrypt  when kms:ViaService=rds.us-east-1.amazonaws.com"
                + "  (by keyPolicy#Use)");
    }

    @Test
    void anotherAccountGetsOnlyWhatCanWorkAcrossAccounts() {
        String partner = "{'Sid':'Partner','Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'kms:*','Resource':'*'}";
        DiffReport r = diff(policy(ROOT), policy(ROOT, partner));
        assertThat(r.newlyAllowed()).extracting(Change::principal).containsOnly("arn:aws:iam::444455556666:root",
                "arn:aws:iam::444455556666:user/anyone");
        assertThat(r.newlyAllowed()).filteredOn(c -> c.principal().endsWith("user/anyone"))
                .allSatisfy(c -> assertThat(c.identityAllows()).as("only with its own IAM allow (E8)").isTrue());
        assertThat(r.newlyAllowed()).extracting(Change::action).contains("kms:Decrypt", "kms:CreateGrant")
                .doesNotContain("kms:DisableKey", "kms:PutKeyPolicy");
    }

    @Test
    void principalAttributesAreVaried() {
        String org = "{'Sid':'Org','Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*','Condition':"
                + "{'StringEquals':{'aws:PrincipalOrgID':'%s'}}}";
        DiffReport r = diff(policy(ROOT, org.formatted("o-old")), policy(ROOT, org.formatted("o-new")));
        assertThat(r.newlyAllowed()).isNotEmpty().allSatisfy(c ->
                assertThat(c.context()).containsEntry("aws:PrincipalOrgID", List.of("o-new")));
        assertThat(r.newlyDenied()).isNotEmpty().allSatisfy(c ->
                assertThat(c.context()).containsEntry("aws:PrincipalOrgID", List.of("o-old")));
        assertThat(r.newlyAllowed()).extracting(Change::principal).contains("arn:aws:iam::999999999999:user/anyone");
    }

    @Test
    void aNewDenyIsNewlyDenied() {
        String deny = "{'Sid':'NoDirect','Effect':'Deny','Principal':'*','Action':'kms:Decrypt','Resource':'*',"
                + "'Condition':{'Null':{'kms:ViaService':'true'}}}";
        DiffReport r = diff(policy(ROOT, use("'kms:Decrypt'", "")), policy(ROOT, use("'kms:Decrypt'", ""), deny));
        assertThat(r.newlyAllowed()).isEmpty();
        assertThat(r.newlyDenied()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.action()).isEqualTo("kms:Decrypt");
            assertThat(c.newDeciding()).containsExactly("keyPolicy#NoDirect");
            assertThat(c.context()).doesNotContainKey("kms:ViaService");
        });
    }

    @Test
    void invalidPoliciesAreRejectedByName() {
        assertThatThrownBy(() -> diff(policy(ROOT), "{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NEW new.json is not a valid key policy: SyntaxError");
        assertThatThrownBy(() -> diff(json("{'Statement':[]}"), policy(ROOT))).hasMessageStartingWith("OLD old.json");
    }

    @Test
    void tooManyCombinationsAreVariedOneAtATime() {
        String many = "{'StringEquals':{'kms:ViaService':'a','aws:SourceVpce':'b','kms:RequestAlias':'alias/c',"
                + "'aws:SourceAccount':'d'}}";
        DiffReport r = PolicyDiff.compare("o", policy(ROOT), "n", policy(ROOT, use("'kms:Decrypt'", many)),
                new DiffOptions("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", 8));
        assertThat(r.exhaustive()).isFalse();
        assertThat(r.summary()).endsWith("condition keys varied one at a time where combinations were too many)");
        assertThat(r.keyArn()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        DiffReport full = diff(policy(ROOT), policy(ROOT, use("'kms:Decrypt'", many)));
        assertThat(full.exhaustive()).isTrue();
        assertThat(full.newlyAllowed()).singleElement().satisfies(c -> assertThat(c.context()).hasSize(4));
    }

    @Test
    void jsonListsEveryChange() throws Exception {
        JsonNode j = new ObjectMapper().readTree(diff(policy(ROOT, use("'kms:Decrypt'", "")),
                policy(ROOT, use("['kms:Decrypt','kms:Encrypt']", ""))).renderJson());
        assertThat(j.get("newlyAllowed")).hasSize(1);
        JsonNode c = j.get("newlyAllowed").get(0);
        assertThat(c.get("principal").asText()).isEqualTo(APP_SESSION);
        assertThat(c.get("action").asText()).isEqualTo("kms:Encrypt");
        assertThat(c.get("oldDecision").asText()).isEqualTo("DENY");
        assertThat(c.get("newDeciding").get(0).asText()).isEqualTo("keyPolicy#Use");
        assertThat(j.get("compared").get("exhaustive").asBoolean()).isTrue();
    }
}

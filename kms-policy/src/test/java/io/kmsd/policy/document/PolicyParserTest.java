package io.kmsd.policy.document;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.principal.PrincipalEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** key-policy-semantics G1–G15: what the parser must reject, with which failure name, and what it accepts. */
class PolicyParserTest {
    private static final String ALLOW_ALICE = "'Sid':'AllowAlice','Effect':'Allow',"
            + "'Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},'Action':'kms:Decrypt','Resource':'*'";

    private static String keyDoc(String statementBody) {
        return "{'Version':'2012-10-17','Statement':[{" + statementBody + "}]}";
    }

    private static PolicyViolation rejectKey(String singleQuoted) {
        PolicyParser.Outcome o = PolicyParser.check(json(singleQuoted), PolicyKind.KEY, null);
        assertThat(o.accepted()).as("policy should be rejected").isFalse();
        assertThat(o.error().error()).isEqualTo(KmsError.MalformedPolicyDocument);
        assertThat(o.error().getMessage()).startsWith(o.violation().failure().name() + ": ");
        return o.violation();
    }

    private static PolicyViolation rejectIdentity(String singleQuoted) {
        PolicyParser.Outcome o = PolicyParser.check(json(singleQuoted), PolicyKind.IDENTITY, null);
        assertThat(o.accepted()).as("identity policy should be rejected").isFalse();
        return o.violation();
    }

    @Test
    void acceptsTheDefaultKeyPolicy() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json("{'Version':'2012-10-17','Id':'key-default-1','Statement':"
                + "[{'Sid':'Enable IAM User Permissions','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:root'},'Action':'kms:*','Resource':'*'}]}"), null);
        assertThat(d.id()).isEqualTo("key-default-1");
        assertThat(d.refs()).containsExactly("keyPolicy#Enable IAM User Permissions");
        assertThat(d.statements().get(0).principals().entries().get(0).kind()).isEqualTo(PrincipalEntry.Kind.ACCOUNT);
    }

    @Test
    void g1InvalidJsonIsASyntaxError() {
        assertThat(rejectKey("{'Version':'2012-10-17','Statement':[").failure()).isEqualTo(PolicyFailure.SyntaxError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'text'", "42", "null"})
    void g1ADocumentThatIsNotAnObjectIsRejected(String doc) {
        assertThat(rejectKey(doc).failure()).isEqualTo(PolicyFailure.SyntaxError);
    }

    @Test
    void g1UnknownTopLevelMemberIsRejected() {
        PolicyViolation v = rejectKey("{'Version':'2012-10-17','Extra':1,'Statement':[{" + ALLOW_ALICE + "}]}");
        assertThat(v.failure()).isEqualTo(PolicyFailure.SyntaxError);
        assertThat(v.message()).contains("Extra");
    }

    @Test
    void g1DuplicateMemberNamesAreRejected() {
        PolicyViolation v = rejectKey("{'Version':'2012-10-17','Statement':[{" + ALLOW_ALICE + ",'Effect':'Deny'}]}");
        assertThat(v.failure()).isEqualTo(PolicyFailure.SyntaxError);
        assertThat(v.message()).contains("Effect");
    }

    @Test
    void g1TrailingContentIsRejected() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE) + " {}").failure()).isEqualTo(PolicyFailure.SyntaxError);
    }

    @Test
    void g2KeyPolicyWithoutVersionIsUnsupported() {
        assertThat(rejectKey("{'Statement':[{" + ALLOW_ALICE + "}]}").failure())
                .isEqualTo(PolicyFailure.UnsupportedVersion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'2008-10-17'", "'2012-10-18'", "20121017", "null"})
    void g2KeyPolicyVersionMustBe2012(String version) {
        assertThat(rejectKey("{'Version':" + version + ",'Statement':[{" + ALLOW_ALICE + "}]}").failure())
                .isEqualTo(PolicyFailure.UnsupportedVersion);
    }

    @Test
    void g2IdentityPolicyVersionDefaultsTo2008AndRejectsOthers() {
        PolicyDocument d = PolicyParser.parseIdentityPolicy(json(
                "{'Statement':{'Effect':'Allow','Action':'kms:*','Resource':'*'}}"));
        assertThat(d.version()).isEqualTo("2008-10-17");
        assertThat(d.substitutesVariables()).isFalse();
        assertThat(rejectIdentity("{'Version':'2011-01-01','Statement':{'Effect':'Allow','Action':'kms:*',"
                + "'Resource':'*'}}").failure()).isEqualTo(PolicyFailure.UnsupportedVersion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'Version':'2012-10-17'}", "{'Version':'2012-10-17','Statement':[]}",
            "{'Version':'2012-10-17','Statement':'x'}", "{'Version':'2012-10-17','Statement':[42]}"})
    void g3MissingEmptyOrNonObjectStatementsAreRejected(String doc) {
        assertThat(rejectKey(doc).failure()).isEqualTo(PolicyFailure.SyntaxError);
    }

    @Test
    void g3ASingleStatementObjectIsAccepted() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json("{'Version':'2012-10-17','Statement':{" + ALLOW_ALICE
                + "}}"), null);
        assertThat(d.statements()).hasSize(1);
    }

    @Test
    void g4UnknownStatementMemberIsRejectedNamingIndexAndSid() {
        PolicyViolation v = rejectKey("{'Version':'2012-10-17','Statement':[{" + ALLOW_ALICE + "},{"
                + ALLOW_ALICE.replace("AllowAlice", "Second") + ",'Principals':{}}]}");
        assertThat(v.failure()).isEqualTo(PolicyFailure.InvalidStatementElement);
        assertThat(v.statementIndex()).isEqualTo(1);
        assertThat(v.message()).isEqualTo(
                "InvalidStatementElement: statement [1] (Sid \"Second\"), Principals: unknown statement element");
    }

    @Test
    void g4ActionWithNotActionIsRejected() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE + ",'NotAction':'kms:Encrypt'")).failure())
                .isEqualTo(PolicyFailure.InvalidStatementElement);
    }

    @Test
    void g4ResourceWithNotResourceIsRejected() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE + ",'NotResource':'*'")).failure())
                .isEqualTo(PolicyFailure.InvalidStatementElement);
    }

    @Test
    void g4KeyPolicyStatementNeedsExactlyOnePrincipalElement() {
        assertThat(rejectKey(keyDoc("'Effect':'Allow','Action':'kms:*','Resource':'*'")).failure())
                .isEqualTo(PolicyFailure.InvalidPrincipal);
        assertThat(rejectKey(keyDoc("'Effect':'Deny','Principal':'*','NotPrincipal':{'AWS':'111122223333'},"
                + "'Action':'kms:*','Resource':'*'")).failure()).isEqualTo(PolicyFailure.InvalidPrincipal);
    }

    @Test
    void g4StatementWithoutActionOrResourceIsAcceptedAndInert() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json(keyDoc(
                "'Effect':'Allow','Principal':'*','Action':'kms:Decrypt'")), null);
        assertThat(d.statements().get(0).inert()).isTrue();
        PolicyDocument noAction = PolicyParser.parseKeyPolicy(json(keyDoc(
                "'Effect':'Allow','Principal':'*','Resource':'*'")), null);
        assertThat(noAction.statements().get(0).inert()).isTrue();
    }

    @Test
    void g14IdentityPoliciesTakeNoPrincipalAndNeedActionAndResource() {
        assertThat(rejectIdentity("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*',"
                + "'Action':'kms:*','Resource':'*'}}").failure()).isEqualTo(PolicyFailure.InvalidStatementElement);
        assertThat(rejectIdentity("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'kms:*'}}")
                .element()).isEqualTo("Resource");
        assertThat(rejectIdentity("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Resource':'*'}}")
                .element()).isEqualTo("Action");
    }

    @Test
    void g5IdentitySidsAreAlphanumericAndUnique() {
        assertThat(rejectIdentity("{'Version':'2012-10-17','Statement':{'Sid':'Allow all','Effect':'Allow',"
                + "'Action':'kms:*','Resource':'*'}}").failure()).isEqualTo(PolicyFailure.InvalidStatementElement);
        PolicyViolation dup = rejectIdentity("{'Version':'2012-10-17','Statement':[{'Sid':'A','Effect':'Allow',"
                + "'Action':'kms:*','Resource':'*'},{'Sid':'A','Effect':'Deny','Action':'kms:*','Resource':'*'}]}");
        assertThat(dup.statementIndex()).isEqualTo(1);
        assertThat(dup.message()).contains("duplicate Sid");
    }

    @Test
    void g5KeyPolicySidsMayRepeatAndContainSpaces() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json("{'Version':'2012-10-17','Statement':[{"
                + ALLOW_ALICE.replace("AllowAlice", "Same Sid") + "},{" + ALLOW_ALICE.replace("AllowAlice", "Same Sid")
                + "}]}"), null);
        assertThat(d.refs()).containsExactly("keyPolicy#Same Sid", "keyPolicy#Same Sid");
    }

    @Test
    void g5SidMustBeAString() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE.replace("'Sid':'AllowAlice'", "'Sid':7"))).element()).isEqualTo("Sid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'allow'", "'ALLOW'", "'Permit'", "true"})
    void g6EffectIsExactlyAllowOrDeny(String effect) {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE.replace("'Allow'", effect))).failure())
                .isEqualTo(PolicyFailure.InvalidEffect);
    }

    @Test
    void g6MissingEffectIsRejected() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE.replace("'Effect':'Allow',", ""))).failure())
                .isEqualTo(PolicyFailure.InvalidEffect);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'AWS':'arn:aws:iam::111122223333:role/ops-*'}", "{'AWS':'arn:aws:iam::*:root'}",
            "{'AWS':'arn:aws:iam::111122223333:group/admins'}",
            "{'AWS':'arn:aws:iam::111122223333:instance-profile/web'}", "{'AWS':'alice'}", "{'AWS':'11112222333'}",
            "'arn:aws:iam::111122223333:root'", "{'AWS':[]}", "{}", "{'Service':'*'}",
            "{'Service':'nosuchservice.amazonaws.com'}", "{'Service':'cloudtrail.example.com'}", "{'Group':'x'}",
            "{'AWS':['arn:aws:iam::111122223333:user/alice',3]}"})
    void g8InvalidPrincipalsAreRejected(String principal) {
        assertThat(rejectKey(keyDoc("'Effect':'Allow','Principal':" + principal + ",'Action':'kms:*','Resource':'*'"))
                .failure()).isEqualTo(PolicyFailure.InvalidPrincipal);
    }

    @Test
    void g7AccountIdIsStoredAsTheRootArn() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json(keyDoc(
                "'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'kms:*','Resource':'*'")), null);
        assertThat(d.statements().get(0).principals().entries().get(0).value())
                .isEqualTo("arn:aws:iam::444455556666:root");
    }

    @Test
    void g7FederatedAndCanonicalUserAreParsed() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json(keyDoc("'Effect':'Allow','Principal':{'Federated':"
                + "'accounts.google.com','CanonicalUser':'79a59df900b949e55d96a1e698fbace'},'Action':'kms:*',"
                + "'Resource':'*'")), null);
        assertThat(d.statements().get(0).principals().entries()).extracting(PrincipalEntry::kind)
                .containsOnly(PrincipalEntry.Kind.OTHER);
    }

    @Test
    void g8NotPrincipalWithAllowIsRejected() {
        assertThat(rejectKey(keyDoc("'Effect':'Allow','NotPrincipal':{'AWS':'111122223333'},'Action':'kms:*',"
                + "'Resource':'*'")).failure()).isEqualTo(PolicyFailure.InvalidPrincipal);
    }

    @Test
    void g8PrincipalsUnknownToTheDirectoryAreNotFound() {
        IdentityDirectory dir = IdentityDirectory.of(List.of("111122223333"),
                List.of("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/team/AppRole"));
        String base = "'Effect':'Allow','Action':'kms:*','Resource':'*','Principal':";
        for (String missing : List.of("{'AWS':'arn:aws:iam::111122223333:user/mallory'}", "{'AWS':'999988887777'}",
                "{'AWS':'arn:aws:sts::111122223333:assumed-role/Nope/s1'}",
                "{'AWS':'arn:aws:sts::999988887777:federated-user/x'}")) {
            PolicyParser.Outcome o = PolicyParser.check(json(keyDoc(base + missing)), PolicyKind.KEY, dir);
            assertThat(o.violation().failure()).as(missing).isEqualTo(PolicyFailure.PrincipalNotFound);
        }
        PolicyParser.Outcome session = PolicyParser.check(json(keyDoc(
                base + "{'AWS':'arn:aws:sts::111122223333:assumed-role/AppRole/any-session'}")), PolicyKind.KEY, dir);
        assertThat(session.accepted()).as("a session is checked by its role only").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'Decrypt'", "'kms:'", "':Decrypt'", "'kms:De crypt'", "[]", "['kms:Decrypt',1]", "''"})
    void g9MalformedActionsAreRejected(String action) {
        PolicyViolation v = rejectKey(keyDoc("'Effect':'Allow','Principal':'*','Resource':'*','Action':" + action));
        assertThat(v.failure()).isEqualTo(PolicyFailure.InvalidStatementElement);
        assertThat(v.element()).isEqualTo("Action");
    }

    @Test
    void g9OtherServicesActionsAreLegal() {
        assertThat(PolicyParser.check(json(keyDoc("'Effect':'Allow','Principal':'*','Resource':'*',"
                + "'Action':['s3:GetObject','kms:NoSuchThing','kms:*Key?']")), PolicyKind.KEY, null).accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "[]", "['*',null]", "{}"})
    void g10MalformedResourcesAreRejected(String resource) {
        assertThat(rejectKey(keyDoc("'Effect':'Allow','Principal':'*','Action':'kms:*','Resource':" + resource))
                .element()).isEqualTo("Resource");
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEqualsFoo", "stringequals", "StringEquals ", "NullIfExists", "ForAllValues:Null",
            "ForAnyValue:NullIfExists", "ForSomeValues:StringEquals", "IfExists", "ForAllValues:"})
    void g11UnknownOperatorsAreRejected(String op) {
        PolicyViolation v = rejectKey(keyDoc(ALLOW_ALICE + ",'Condition':{'" + op + "':{'kms:ViaService':'x'}}"));
        assertThat(v.failure()).isEqualTo(PolicyFailure.InvalidConditionOperator);
        assertThat(v.message()).contains(op);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "{'a':'b'}", "[['x']]", "['x',null]"})
    void g11MalformedConditionValuesAreRejected(String value) {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE + ",'Condition':{'StringEquals':{'kms:ViaService':" + value + "}}"))
                .failure()).isEqualTo(PolicyFailure.InvalidStatementElement);
    }

    @Test
    void g11ConditionBlockMustBeAnObject() {
        assertThat(rejectKey(keyDoc(ALLOW_ALICE + ",'Condition':{'StringEquals':'x'}")).element()).isEqualTo("Condition");
        assertThat(rejectKey(keyDoc(ALLOW_ALICE + ",'Condition':['x']")).element()).isEqualTo("Condition");
    }

    @Test
    void g11NumbersAndBooleansAreComparedAsTheirJsonText() {
        PolicyDocument d = PolicyParser.parseKeyPolicy(json(keyDoc(ALLOW_ALICE + ",'Condition':{"
                + "'NumericLessThan':{'kms:RotationPeriodInDays':[90,1.50]},'Bool':{'aws:SecureTransport':true}}")), null);
        assertThat(d.statements().get(0).conditions().get(0).values().texts()).containsExactly("90", "1.50");
        assertThat(d.statements().get(0).conditions().get(1).values().texts()).containsExactly("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms:EncryptionContext:Dept", "KMS:encryptioncontext:aws:cloudtrail:arn",
            "aws:RequestTag/team"})
    void g12ForAllValuesOnSingleValuedPairKeysIsOverlyPermissive(String key) {
        PolicyViolation v = rejectKey(keyDoc(ALLOW_ALICE + ",'Condition':{'ForAllValues:StringEquals':{'" + key
                + "':'x'}}"));
        assertThat(v.failure()).isEqualTo(PolicyFailure.OverlyPermissiveCondition);
        assertThat(v.message()).contains("statement [0]", "AllowAlice", key);
    }

    @Test
    void g12ForAllValuesOnMultivaluedKeysIsFine() {
        assertThat(PolicyParser.check(json(keyDoc(ALLOW_ALICE + ",'Condition':{'ForAllValues:StringEquals':"
                + "{'kms:EncryptionContextKeys':['a','b']},'ForAnyValue:StringEquals':{'kms:EncryptionContext:x':'y'}}")),
                PolicyKind.KEY, null).accepted()).isTrue();
    }

    @Test
    void g13PolicyAboveTheSizeLimitIsALimitExceededError() {
        String padding = "x".repeat(PolicyParser.MAX_KEY_POLICY_BYTES);
        String doc = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", padding)));
        assertThatThrownBy(() -> PolicyParser.parseKeyPolicy(doc, null)).isInstanceOf(KmsException.class)
                .extracting(e -> ((KmsException) e).error()).isEqualTo(KmsError.LimitExceeded);
    }

    @Test
    void g13ExactlyTheLimitIsAccepted() {
        String base = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", "S")));
        String doc = base.replace("\"S\"", "\"" + "S".repeat(PolicyParser.MAX_KEY_POLICY_BYTES - base.length() + 1) + "\"");
        assertThat(doc.length()).isEqualTo(PolicyParser.MAX_KEY_POLICY_BYTES);
        assertThat(PolicyParser.parseKeyPolicy(doc, null).statements()).hasSize(1);
    }

    @Test
    void g13SizeCountsUtf8Bytes() {
        String base = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", "S")));
        String doc = base.replace("\"S\"", "\"" + "é".repeat(PolicyParser.MAX_KEY_POLICY_BYTES / 2) + "\"");
        assertThat(PolicyParser.check(doc, PolicyKind.KEY, null).error().error()).isEqualTo(KmsError.LimitExceeded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u007f", "\u00a0", "\u0100", "\u20ac", "\ud83d\ude00"})
    void g13CharactersOutsideTheAllowedSetAreRejected(String ch) {
        String doc = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", "A" + ch)));
        assertThat(PolicyParser.check(doc, PolicyKind.KEY, null).violation().failure())
                .isEqualTo(PolicyFailure.InvalidCharacter);
    }

    @Test
    void g13EscapedControlCharactersAreRejectedToo() {
        String doc = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", "A\\u0001")));
        PolicyViolation v = PolicyParser.check(doc, PolicyKind.KEY, null).violation();
        assertThat(v.failure()).isEqualTo(PolicyFailure.InvalidCharacter);
        assertThat(v.statementIndex()).isZero();
    }

    @Test
    void g13Latin1AndWhitespaceAreAllowed() {
        String doc = json(keyDoc(ALLOW_ALICE.replace("AllowAlice", "Clé ¡ÿ"))).replace(",", ",\r\n\t");
        assertThat(PolicyParser.parseKeyPolicy(doc, null).statements().get(0).sid()).isEqualTo("Clé ¡ÿ");
    }

    @Test
    void treesAreCheckedLikeText() throws Exception {
        ObjectMapper m = new ObjectMapper();
        PolicyDocument d = PolicyParser.parseKeyPolicy(m.readTree(json(keyDoc(ALLOW_ALICE))), null);
        assertThat(d.text()).startsWith("{\"Version\"");
        assertThatThrownBy(() -> PolicyParser.parseKeyPolicy(m.readTree(json("{'Statement':[]}")), null))
                .isInstanceOf(KmsException.class).hasMessageStartingWith("UnsupportedVersion");
    }

    @Test
    void g15TheFirstFailureIsReported() {
        PolicyViolation v = rejectKey("{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Principal':"
                + "{'AWS':'role/x*'},'Action':'Decrypt'}]}");
        assertThat(v.failure()).isEqualTo(PolicyFailure.InvalidEffect);
        assertThat(v.message()).isEqualTo("InvalidEffect: statement [0], Effect: Effect must be \"Allow\" or \"Deny\","
                + " not \"Permit\"");
    }
}

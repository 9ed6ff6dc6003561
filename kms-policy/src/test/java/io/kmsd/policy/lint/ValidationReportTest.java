package io.kmsd.policy.lint;

import static io.kmsd.policy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.PolicyViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./kms policy validate}: every G1–G14 error, each with its JSON pointer; exit 1 when any. */
class ValidationReportTest {
    private static ValidationReport key(String singleQuoted) {
        return ValidationReport.validate("policy.json", json(singleQuoted), PolicyKind.KEY, null);
    }

    private static List<String> pointers(ValidationReport r) {
        return r.validation().problems().stream().map(PolicyViolation::pointer).toList();
    }

    @Test
    void aValidPolicy() {
        ValidationReport r = key("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*','Action':"
                + "'kms:*','Resource':'*'}}");
        assertThat(r.renderText()).isEqualTo("policy.json: valid key policy (1 statement)\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void everyErrorIsListedWithItsPointer() {
        ValidationReport r = key("{'Version':'2012-10-17','Extra':1,'Statement':[{'Sid':'A','Effect':'allow',"
                + "'Principal':{'AWS':['arn:aws:iam::111122223333:user/a','arn:aws:iam::111122223333:role/ops-*']},"
                + "'Action':['kms:Decrypt','Decrypt'],'Resource':'*','Condition':{'StringEqualz':{'k':'v'},"
                + "'ForAllValues:StringEquals':{'aws:RequestTag/team':'x'},'StringEquals':{'aws:PrincipalTag/a~b':[]}}},"
                + "{'Effect':'Deny','Principal':'*','Action':'kms:*','Resource':'*','Colour':'red'}]}");
        assertThat(pointers(r)).containsExactly("/Extra", "/Statement/0/Effect", "/Statement/0/Principal/AWS/1",
                "/Statement/0/Action/1", "/Statement/0/Condition/StringEqualz",
                "/Statement/0/Condition/ForAllValues:StringEquals/aws:RequestTag~1team",
                "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1a~0b", "/Statement/1/Colour");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.renderText()).startsWith("""
                policy.json: 8 errors
                  /Extra  SyntaxError: unknown top-level member 'Extra'
                  /Statement/0/Effect  InvalidEffect: statement [0] (Sid "A"), Effect: Effect must be "Allow" or "Deny", not "allow"
                """);
    }

    @Test
    void theFirstErrorIsTheOneAWriteFailsWith() {
        String doc = "{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Principal':{'AWS':'role/x*'},'Action':'Decrypt'}]}";
        ValidationReport r = key(doc);
        assertThat(r.validation().problems()).hasSizeGreaterThan(2);
        assertThat(r.validation().problems().get(0).message())
                .isEqualTo(io.kmsd.policy.document.PolicyParser.check(json(doc), PolicyKind.KEY, null).error().getMessage());
    }

    @Test
    void documentLevelAndSyntaxErrors() {
        assertThat(key("{'Version':'2012-10-17','Statement':[").renderText())
                .startsWith("policy.json: 1 error\n  (document)  SyntaxError: invalid JSON:").contains("line 1");
        assertThat(pointers(key("{'Version':'2008-10-17','Statement':[]}"))).containsExactly("/Version", "/Statement");
        assertThat(pointers(key("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*',"
                + "'Action':'kms:*','Resource':'*','Sid':'caf\\u0001'}}"))).containsExactly("/Statement/Sid");
    }

    @Test
    void rawBadCharactersArePlaced() {
        ValidationReport r = ValidationReport.validate("p", "{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Sid\":\"a\u0001\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}", PolicyKind.KEY, null);
        PolicyViolation v = r.validation().problems().get(0);
        assertThat(v.reason()).contains("U+0001").contains("line 2, column 23");
        assertThat(v.pointer()).isEqualTo("/Statement/0/Sid");
    }

    @Test
    void identityPolicyRulesAndTheSizeQuota() {
        ValidationReport id = ValidationReport.validate("id.json", json("{'Statement':[{'Sid':'A','Effect':'Allow',"
                + "'Action':'kms:*','Resource':'*'},{'Sid':'A','Effect':'Allow','Principal':'*','Action':'kms:*'}]}"),
                PolicyKind.IDENTITY, null);
        assertThat(pointers(id)).containsExactly("/Statement/1/Principal", "/Statement/1");
        String big = json("{'Version':'2012-10-17','Statement':{'Sid':'" + "x".repeat(40000) + "','Effect':'Allow',"
                + "'Principal':'*','Action':'kms:*','Resource':'*'}}");
        ValidationReport r = ValidationReport.validate("big", big, PolicyKind.KEY, null);
        assertThat(r.validation().problems()).singleElement().satisfies(v ->
                assertThat(v.message()).startsWith("LimitExceeded: Policy document of 40"));
    }

    @Test
    void jsonForm() throws Exception {
        JsonNode j = new ObjectMapper().readTree(key("{'Version':'2012-10-17','Statement':{'Sid':'S','Effect':'Allow',"
                + "'Principal':'*','Action':'kms:*'}}").renderJson());
        assertThat(j.get("valid").asBoolean()).isTrue();
        JsonNode bad = new ObjectMapper().readTree(key("{'Version':'2012-10-17','Statement':{'Sid':'S','Effect':'No',"
                + "'Principal':'*','Action':'kms:*'}}").renderJson());
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("errors").get(0).get("pointer").asText()).isEqualTo("/Statement/Effect");
        assertThat(bad.get("errors").get(0).get("failure").asText()).isEqualTo("InvalidEffect");
        assertThat(bad.get("errors").get(0).get("statement").asInt()).isZero();
    }
}

package io.kmsd.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** key-policy-semantics C1–C14, evaluated directly on compiled conditions. */
class ConditionTest {
    private static final RequestContext CTX = RequestContext.builder()
            .put("kms:ViaService", "rds.us-east-1.amazonaws.com", "t")
            .put("kms:EncryptionContext:AppName", "Billing", "t")
            .put("aws:username", "alice", "t")
            .put("aws:SourceIp", "203.0.113.9", "t")
            .put("aws:CurrentTime", "2025-06-01T12:00:00Z", "t")
            .put("aws:EpochTime", "1748779200", "t")
            .put("kms:ScheduleKeyDeletionPendingWindowInDays", "7", "t")
            .put("aws:SecureTransport", "true", "t")
            .put("aws:PrincipalArn", "arn:aws:iam::111122223333:role/team/AppRole", "t")
            .put("x:binary", "AQID", "t")
            .putAll("kms:EncryptionContextKeys", List.of("Dept", "Owner"), "t")
            .build();

    private static Verdict eval(String op, String key, String... values) {
        return eval(true, op, key, values);
    }

    private static Verdict eval(boolean variables, String op, String key, String... values) {
        ConditionOperator o = ConditionOperator.parse(op).orElseThrow();
        return new Condition(o, key, List.of(values), variables).evaluate(CTX);
    }

    @Test
    void c1KeyNamesAreCaseInsensitiveValuesAreNot() {
        assertThat(eval("StringEquals", "KMS:encryptioncontext:appname", "Billing")).isEqualTo(Verdict.MATCHED_TRUE);
        assertThat(eval("StringEquals", "kms:EncryptionContext:AppName", "billing"))
                .isEqualTo(Verdict.NO_VALUE_MATCHED_FALSE);
        assertThat(eval("StringEqualsIgnoreCase", "kms:EncryptionContext:AppName", "BILLING")).isEqualTo(Verdict.MATCHED_TRUE);
    }

    @Test
    void c2AbsentKeyMakesPositiveOperatorsFalse() {
        for (String op : List.of("StringEquals", "StringLike", "NumericEquals", "DateEquals", "Bool", "IpAddress",
                "ArnLike", "BinaryEquals")) {
            assertThat(eval(op, "aws:SourceArn", "x")).as(op).isEqualTo(Verdict.KEY_ABSENT_FALSE);
        }
    }

    @Test
    void c3LikeUsesGlobsEqualsDoesNot() {
        assertThat(eval("StringLike", "kms:ViaService", "rds.*.amazonaws.com")).isEqualTo(Verdict.MATCHED_TRUE);
        assertThat(eval("StringLike", "kms:ViaService", "rds.us-east-?.amazonaws.com")).isEqualTo(Verdict.MATCHED_TRUE);
        assertThat(eval("StringLike", "kms:ViaService", "RDS.*")).isEqualTo(Verdict.NO_VALUE_MATCHED_FALSE);
        assertThat(eval("StringEquals", "kms:ViaService", "rds.*")).isEqualTo(Verdict.NO_VALUE_MATCHED_FALSE);
        assertThat(eval("StringNotLike", "kms:ViaService", "ec2.*")).isEqualTo(Verdict.NO_VALUE_MATCHED_NEGATED_TRUE);
    }

    @ParameterizedTest
    @CsvSource({"NumericLessThan,14,true", "NumericLessThan,7,false", "NumericLessThanEquals,7,true",
            "NumericGreaterThan,6.5,true", "NumericGreaterThanEquals,14,false", "NumericEquals,7.0,true",
            "NumericNotEquals,7,false", "NumericNotEquals,8,true", "NumericEquals,seven,false"})
    void c4NumericOperatorsCompareNumbers(String op, String value, boolean expected) {
        assertThat(eval(op, "kms:ScheduleKeyDeletionPendingWindowInDays", value).result()).isEqualTo(expected);
    }

    @Test
    void c4NonNumericRequestValueIsATypeMismatch() {
        assertThat(eval("NumericEquals", "aws:username", "1")).isEqualTo(Verdict.TYPE_MISMATCH_FALSE);
        assertThat(eval("NumericNotEquals", "aws:username", "1")).isEqualTo(Verdict.TYPE_MISMATCH_FALSE);
    }

    @ParameterizedTest
    @CsvSource({"DateGreaterThan,2025-01-01T00:00:00Z,true", "DateLessThan,2025-06-01T12:00:01Z,true",
            "DateLessThan,2025-06-01,false", "DateEquals,1748779200,true", "DateGreaterThanEquals,2025-06,true",
            "DateLessThan,2026,true", "DateNotEquals,2025-06-01T14:00:00+02:00,false",
            "DateEquals,not-a-date,false"})
    void c4DatesAcceptIsoFormsAndEpochSecondsOnEitherSide(String op, String value, boolean expected) {
        assertThat(eval(op, "aws:CurrentTime", value).result()).as(op + " " + value).isEqualTo(expected);
        assertThat(eval(op, "aws:EpochTime", value).result()).as("epoch " + op + " " + value).isEqualTo(expected);
    }

    @Test
    void c5SeveralValuesAreOredAndC6NegatedOperatorsAreNor() {
        assertThat(eval("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com", "rds.us-east-1.amazonaws.com"))
                .isEqualTo(Verdict.MATCHED_TRUE);
        assertThat(eval("StringNotEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com",
                "rds.us-east-1.amazonaws.com")).isEqualTo(Verdict.MATCHED_NEGATED_FALSE);
        assertThat(eval("StringNotEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com"))
                .isEqualTo(Verdict.NO_VALUE_MATCHED_NEGATED_TRUE);
    }

    @Test
    void c7NegatedOperatorsAreTrueOnAnAbsentKey() {
        for (String op : List.of("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals",
                "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike")) {
            assertThat(eval(op, "aws:SourceArn", "x")).as(op).isEqualTo(Verdict.KEY_ABSENT_NEGATED_TRUE);
        }
    }

    @Test
    void c8IpRangesIncludeBareAddressesAndNeverMatchTheOtherFamily() {
        assertThat(eval("IpAddress", "aws:SourceIp", "203.0.113.0/24").result()).isTrue();
        assertThat(eval("IpAddress", "aws:SourceIp", "203.0.113.9").result()).isTrue();
        assertThat(eval("IpAddress", "aws:SourceIp", "203.0.113.10/31").result()).isFalse();
        assertThat(eval("IpAddress", "aws:SourceIp", "::/0").result()).isFalse();
        assertThat(eval("NotIpAddress", "aws:SourceIp", "2001:db8::/32").result()).isTrue();
        assertThat(eval("IpAddress", "aws:SourceIp", "not-a-cidr").result()).isFalse();
        assertThat(eval("IpAddress", "aws:username", "0.0.0.0/0")).isEqualTo(Verdict.TYPE_MISMATCH_FALSE);
    }

    @Test
    void c9IfExistsIsTrueOnAbsentKeysAndEvaluatesPresentOnes() {
        assertThat(eval("StringEqualsIfExists", "kms:EncryptionContext:Dept", "x"))
                .isEqualTo(Verdict.KEY_ABSENT_IFEXISTS_TRUE);
        assertThat(eval("StringEqualsIfExists", "kms:ViaService", "x")).isEqualTo(Verdict.NO_VALUE_MATCHED_FALSE);
        assertThat(eval("StringNotEqualsIfExists", "kms:ViaService", "x").result()).isTrue();
    }

    @Test
    void c10SetOperators() {
        assertThat(eval("ForAllValues:StringEquals", "kms:EncryptionContextKeys", "Dept", "Owner", "Project").result())
                .isTrue();
        assertThat(eval("ForAllValues:StringEquals", "kms:EncryptionContextKeys", "Dept").result()).isFalse();
        assertThat(eval("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "Owner").result()).isTrue();
        assertThat(eval("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "owner").result()).isFalse();
        assertThat(eval("ForAllValues:StringEquals", "kms:GrantOperations", "x"))
                .isEqualTo(Verdict.EMPTY_SET_FORALL_TRUE);
        assertThat(eval("ForAnyValue:StringEquals", "kms:GrantOperations", "x"))
                .isEqualTo(Verdict.EMPTY_SET_FORANY_FALSE);
        assertThat(eval("ForAnyValue:StringEqualsIfExists", "kms:GrantOperations", "x"))
                .isEqualTo(Verdict.KEY_ABSENT_IFEXISTS_TRUE);
        assertThat(eval("ForAllValues:StringNotEquals", "kms:EncryptionContextKeys", "Secret").result()).isTrue();
        assertThat(eval("ForAnyValue:StringEquals", "kms:ViaService", "rds.us-east-1.amazonaws.com").result())
                .as("single-valued key is a one-element set").isTrue();
    }

    @Test
    void c10MultivaluedKeyWithoutSetOperatorIsFalseWhenPresent() {
        assertThat(eval("StringEquals", "kms:EncryptionContextKeys", "Dept"))
                .isEqualTo(Verdict.MULTIVALUED_WITHOUT_SET_OPERATOR_FALSE);
        assertThat(eval("StringNotEquals", "kms:EncryptionContextKeys", "Nope"))
                .isEqualTo(Verdict.MULTIVALUED_WITHOUT_SET_OPERATOR_FALSE);
    }

    @Test
    void c11ArnOperatorsMatchSegmentWise() {
        assertThat(eval("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/*").result()).isTrue();
        assertThat(eval("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::*:role/team/AppRole").result()).isTrue();
        assertThat(eval("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:*").result()).isTrue();
        assertThat(eval("ArnLike", "aws:PrincipalArn", "arn:aws:*:role/*").result()).as("too few segments").isFalse();
        assertThat(eval("ArnLike", "aws:PrincipalArn", "*").result()).as("bare * is not an ARN pattern").isFalse();
        assertThat(eval("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:Role/*").result()).isFalse();
        assertThat(eval("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:user/*").result()).isTrue();
        assertThat(eval("ArnLike", "aws:username", "arn:aws:iam::111122223333:user/*").result()).isFalse();
    }

    @Test
    void c12VariablesAreSubstitutedUnder2012Only() {
        RequestContext ctx = RequestContext.builder().put("kms:EncryptionContext:user", "alice", "t")
                .put("aws:username", "alice", "t").build();
        Condition v2012 = new Condition(op("StringEquals"), "kms:EncryptionContext:user", List.of("${aws:username}"), true);
        Condition v2008 = new Condition(op("StringEquals"), "kms:EncryptionContext:user", List.of("${aws:username}"), false);
        assertThat(v2012.evaluate(ctx).result()).isTrue();
        assertThat(v2008.evaluate(ctx).result()).isFalse();
    }

    @Test
    void c12UnresolvedVariablesAreNullValuesAndDefaultsApply() {
        assertThat(eval("StringEquals", "aws:username", "${aws:userid}")).isEqualTo(Verdict.VARIABLE_UNRESOLVED_FALSE);
        assertThat(eval("StringNotEquals", "aws:username", "${aws:userid}"))
                .isEqualTo(Verdict.VARIABLE_UNRESOLVED_NEGATED_TRUE);
        assertThat(eval("StringEquals", "aws:username", "${aws:userid, 'alice'}").result()).isTrue();
        assertThat(eval("StringEquals", "aws:username", "${AWS:UserName}").result()).as("variable key case").isTrue();
        assertThat(eval("StringEquals", "aws:username", "${kms:EncryptionContextKeys}").result())
                .as("multivalued keys are no variables").isFalse();
    }

    @Test
    void c12EscapesProduceLiteralCharacters() {
        RequestContext ctx = RequestContext.builder().put("k:v", "a*b?$", "t").put("k:w", "axxb", "t").build();
        assertThat(new Condition(op("StringEquals"), "k:v", List.of("a${*}b${?}${$}"), true).evaluate(ctx).result())
                .isTrue();
        assertThat(new Condition(op("StringLike"), "k:w", List.of("a${*}b"), true).evaluate(ctx).result())
                .as("${*} is not a wildcard").isFalse();
        assertThat(new Condition(op("StringLike"), "k:w", List.of("a*b"), true).evaluate(ctx).result()).isTrue();
    }

    @Test
    void c12SubstitutedTextIsLiteralEvenInLike() {
        RequestContext ctx = RequestContext.builder().put("k:pattern", "*", "t").put("k:value", "anything", "t").build();
        assertThat(new Condition(op("StringLike"), "k:value", List.of("${k:pattern}"), true).evaluate(ctx).result())
                .isFalse();
    }

    @Test
    void c12NoVariablesInNumericValues() {
        RequestContext ctx = RequestContext.builder().put("k:n", "5", "t").put("k:m", "5", "t").build();
        assertThat(new Condition(op("NumericEquals"), "k:n", List.of("${k:m}"), true).evaluate(ctx).result()).isFalse();
    }

    @Test
    void c13NullTestsPresence() {
        assertThat(eval("Null", "kms:ViaService", "false").result()).isTrue();
        assertThat(eval("Null", "kms:ViaService", "true").result()).isFalse();
        assertThat(eval("Null", "aws:SourceArn", "TRUE").result()).isTrue();
        assertThat(eval("Null", "aws:SourceArn", "false")).isEqualTo(Verdict.KEY_ABSENT_FALSE);
        assertThat(eval("Null", "aws:SourceArn", "yes").result()).isFalse();
    }

    @Test
    void c14BoolAndBinary() {
        assertThat(eval("Bool", "aws:SecureTransport", "TRUE").result()).isTrue();
        assertThat(eval("Bool", "aws:SecureTransport", "false").result()).isFalse();
        assertThat(eval("Bool", "aws:SecureTransport", "yes").result()).isFalse();
        assertThat(eval("Bool", "aws:username", "true")).isEqualTo(Verdict.TYPE_MISMATCH_FALSE);
        assertThat(eval("BinaryEquals", "x:binary", "AQID").result()).isTrue();
        assertThat(eval("BinaryEquals", "x:binary", "AQIE").result()).isFalse();
        assertThat(eval("BinaryEquals", "aws:username", "AQID")).isEqualTo(Verdict.TYPE_MISMATCH_FALSE);
    }

    private static ConditionOperator op(String name) {
        return ConditionOperator.parse(name).orElseThrow();
    }
}

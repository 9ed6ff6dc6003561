package io.kmsd.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Globs (G9, C3), ARN patterns (G10, C11), CIDRs (C8) and dates (C4). */
class PatternsTest {

    @ParameterizedTest
    @CsvSource({"t-??,t-42,true", "t-??,t-421,false", "t-??,t-4,false", "*,'',true", "a*b*c,abc,true",
            "a*b*c,axxbyyc,true", "a*b*c,axxbyy,false", "*x*,yyy,false", "**,a,true", "?*,'',false",
            "a*a*a*a*b,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,false"})
    void globsMatchWholeValues(String pattern, String value, boolean expected) {
        assertThat(Glob.compile(pattern, true, false).matches(value, VariableSource.NONE)).isEqualTo(expected);
    }

    @Test
    void globWithoutWildcardsIsLiteral() {
        assertThat(Glob.compile("a*", false, false).matches("a*", VariableSource.NONE)).isTrue();
        assertThat(Glob.compile("a*", false, false).matches("ab", VariableSource.NONE)).isFalse();
    }

    @Test
    void malformedVariablesStayLiteral() {
        Glob g = Glob.compile("${unterminated", false, true);
        assertThat(g.hasVariables()).isFalse();
        assertThat(g.matches("${unterminated", VariableSource.NONE)).isTrue();
        assertThat(Glob.compile("${a b}", false, true).hasVariables()).isFalse();
        assertThat(Glob.compile("${k, nodefault}", false, true).hasVariables()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"*,true", "arn:aws:kms:us-east-1:111122223333:key/*,true", "arn:aws:kms:*:111122223333:key/*,true",
            "arn:aws:kms:us-east-1:*:*,true", "arn:aws:kms:us-east-1:111122223333:alias/*,false",
            "arn:aws:kms:us-east-?:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70,true",
            "arn:aws:kms:*,false", "arn:aws:KMS:us-east-1:111122223333:key/*,false",
            "arn:aws:kms:us-east-1:111122223333:key/0B6F*,false"})
    void arnPatternsMatchSegmentWise(String pattern, boolean expected) {
        String arn = "arn:aws:kms:us-east-1:111122223333:key/0b6f3a1e-5c2d-4e8f-9a71-2d3c4b5a6f70";
        assertThat(ArnPattern.compile(pattern, false).matches(arn, VariableSource.NONE)).isEqualTo(expected);
    }

    @Test
    void sixthArnSegmentHoldsTheRestIncludingColons() {
        ArnPattern p = ArnPattern.compile("arn:aws:logs:us-east-1:111122223333:log-group:*", false);
        assertThat(p.matches("arn:aws:logs:us-east-1:111122223333:log-group:app:stream", VariableSource.NONE)).isTrue();
        assertThat(ArnPattern.compile("arn:aws:*:us-east-1:111122223333:x", false)
                .matches("arn:aws:kms:us-east-1:111122223333", VariableSource.NONE)).as("value too short").isFalse();
    }

    @Test
    void arnPatternVariablesMayContainColons() {
        ArnPattern p = ArnPattern.compile("arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}", true);
        VariableSource vars = k -> k.equals("aws:principalaccount") ? "111122223333"
                : k.equals("aws:username") ? "alice" : null;
        assertThat(p.matches("arn:aws:iam::111122223333:user/alice", vars)).isTrue();
        assertThat(p.matches("arn:aws:iam::111122223333:user/bob", vars)).isFalse();
        assertThat(p.test("arn:aws:iam::111122223333:user/alice", VariableSource.NONE)).isEqualTo(Glob.UNRESOLVED);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8,10.255.1.2,true", "10.0.0.0/8,11.0.0.1,false", "0.0.0.0/0,1.2.3.4,true",
            "2001:db8:1234::/48,2001:db8:1234:ffff::1,true", "2001:db8:1234::/48,2001:db8:1235::1,false",
            "::1,::1,true", "::ffff:0:0/96,::ffff:1.2.3.4,true", "192.168.0.1/32,192.168.0.1,true",
            "10.0.0.0/8,::a00:1,false"})
    void cidrsContainAddressesOfTheirFamily(String cidr, String address, boolean expected) {
        assertThat(Cidr.parse(cidr).contains(IpAddresses.parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0/8", "10.0.0.256", "10.0.0.0/33", "::1/129", "1:2:3:4:5:6:7:8:9", "1::2::3",
            "gggg::", "10.0.0.0/", "10.0.0.0/a", "example.com", "", "01234::"})
    void malformedCidrsAreNull(String text) {
        assertThat(Cidr.parse(text)).isNull();
    }

    @Test
    void cidrRejectsImpossiblePrefixes() {
        assertThatThrownBy(() -> new Cidr(new byte[4], 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cidr(new byte[5], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"2025-06-01T12:00:00Z,1748779200", "2025-06-01T12:00Z,1748779200", "2025-06-01,1748736000",
            "2025-06,1748736000", "2025,1735689600", "1748779200,1748779200", "2025-06-01T14:00:00+02:00,1748779200",
            "2025-06-01T12:00:00.000Z,1748779200"})
    void datesParseW3cFormsAndEpochSeconds(String text, long epoch) {
        assertThat(PolicyDates.parse(text)).isEqualTo(Instant.ofEpochSecond(epoch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-13-01", "2025-06-01T25:00:00Z", "", "1e9"})
    void malformedDatesAreNull(String text) {
        assertThat(PolicyDates.parse(text)).isNull();
    }
}

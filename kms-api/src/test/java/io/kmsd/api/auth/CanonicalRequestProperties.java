package io.kmsd.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** SigV4 canonicalisation (kms-api §1.5 step 7) against simple reference rules. */
class CanonicalRequestProperties {

    @Property
    void headerValuesAreTrimmedWithBlankRunsCollapsed(
            @ForAll @StringLength(max = 40) @Chars({' ', '\t', 'a', 'b', ',', '='}) String value) {
        String reference = value.replaceAll("^[ \t]+|[ \t]+$", "").replaceAll("[ \t]+", " ");
        assertThat(CanonicalRequest.headerValue(List.of(value))).isEqualTo(reference);
    }

    @Property
    void repeatedHeaderValuesAreJoinedByCommas(@ForAll @StringLength(max = 10) @Chars({' ', 'a', '\t'}) String a,
                                               @ForAll @StringLength(max = 10) @Chars({' ', 'b'}) String b) {
        assertThat(CanonicalRequest.headerValue(List.of(a, b)))
                .isEqualTo(CanonicalRequest.headerValue(List.of(a)) + "," + CanonicalRequest.headerValue(List.of(b)));
    }

    @Test
    void queryIsSortedAndReencoded() {
        assertThat(CanonicalRequest.query("b=2&a=%7e&a=1&c")).isEqualTo("a=1&a=~&b=2&c=");
        assertThat(CanonicalRequest.query("x=a%20b+c")).isEqualTo("x=a%20b%2Bc");
        assertThat(CanonicalRequest.query("")).isEmpty();
    }

    @Test
    void pathIsNormalizedAndEncodedOnceMore() {
        assertThat(CanonicalRequest.uri("/")).isEqualTo("/");
        assertThat(CanonicalRequest.uri("")).isEqualTo("/");
        assertThat(CanonicalRequest.uri("/a/./b/../c/")).isEqualTo("/a/c/");
        assertThat(CanonicalRequest.uri("/a%20b")).isEqualTo("/a%2520b");
    }
}

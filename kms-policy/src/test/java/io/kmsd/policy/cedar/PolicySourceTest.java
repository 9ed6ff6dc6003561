package io.kmsd.policy.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting guardrail files into policies with their lines, whatever strings and comments hold. */
class PolicySourceTest {
    @Test
    void semicolonsInStringsAndCommentsDoNotEndAPolicy() {
        String text = """
                // a comment; with a semicolon
                forbid (principal, action, resource) when { context.request.getTag("a;b") == "c\\";d" };

                @id("two")
                forbid (principal, action, resource);
                """;
        List<PolicySource> ps = PolicySource.split("f.cedar", text);
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).firstLine()).isEqualTo(2);
        assertThat(ps.get(1).firstLine()).isEqualTo(4);
        assertThat(ps.get(1).text()).contains("@id(\"two\")");
        assertThat(PolicySource.unterminated("f.cedar", text, ps)).isNull();
    }

    @Test
    void textAfterTheLastPolicyIsReportedWithItsLine() {
        String text = "forbid (principal, action, resource);\n\n// trailing comment\npermit (principal";
        List<PolicySource> ps = PolicySource.split("f.cedar", text);
        assertThat(ps).hasSize(1);
        assertThat(PolicySource.unterminated("f.cedar", text, ps)).isEqualTo("f.cedar:4: the policy does not end with ';'");
        assertThat(PolicySource.unterminated("g.cedar", "  // only a comment\n", List.of())).isNull();
    }

    @Test
    void offsetsInsideAPolicyMapToFileLines() {
        String text = "forbid (principal, action, resource);\nforbid (principal, action, resource)\n  when { x };";
        PolicySource second = PolicySource.split("f.cedar", text).get(1);
        assertThat(second.where(second.text().indexOf("x"))).isEqualTo("f.cedar:3");
    }
}

package io.kmsd.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kms.policy.guardrails: DIR}: guardrails that cannot be enforced refuse start-up, naming file and line. */
class GuardrailStartupTest {

    @Test
    void aGuardrailThatDoesNotMatchTheSchemaRefusesStartNamingFileAndLine(@TempDir Path dir) throws Exception {
        TestIdentities.write(dir);
        Path guardrails = Files.createDirectories(dir.resolve("guardrails"));
        Files.writeString(guardrails.resolve("bad.cedar"), """
                // a typo in the context attribute
                @id("typo")
                forbid (principal, action, resource) when { context.nope == "x" };
                """);
        StartupTest.Outcome o = StartupTest.start(StartupTest.config(dir, "  policy:\n    guardrails: " + guardrails
                + "\n"));
        StartupTest.refusedWith(o, "invalid guardrails:");
        assertThat(o.stderr()).contains("\n  bad.cedar:3: for policy `typo`, attribute `nope` in context not found");
    }

    @Test
    void aMissingGuardrailDirectoryRefusesStart(@TempDir Path dir) throws Exception {
        TestIdentities.write(dir);
        Path missing = dir.resolve("no-such-dir");
        StartupTest.refusedWith(StartupTest.start(StartupTest.config(dir, "  policy:\n    guardrails: " + missing
                + "\n")), missing + ": not a directory of .cedar guardrail policies");
    }

    @Test
    void aPermitPolicyIsRefusedAsGuardrailsCanOnlyDeny(@TempDir Path dir) throws Exception {
        TestIdentities.write(dir);
        Path guardrails = Files.createDirectories(dir.resolve("guardrails"));
        Files.writeString(guardrails.resolve("permit.cedar"), "permit (principal, action, resource);\n");
        StartupTest.Outcome o = StartupTest.start(StartupTest.config(dir, "  policy:\n    guardrails: " + guardrails
                + "\n"));
        StartupTest.refusedWith(o, "permit.cedar:1");
    }
}

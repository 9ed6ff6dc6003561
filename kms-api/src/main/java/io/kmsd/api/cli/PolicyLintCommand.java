package io.kmsd.api.cli;

import io.kmsd.api.auth.IdentitiesException;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.lint.LintIdentity;
import io.kmsd.policy.lint.LintOptions;
import io.kmsd.policy.lint.LintReport;
import io.kmsd.policy.lint.Linter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms policy lint FILE [--with-identity IDENTITY...]}: findings with rule id and severity, like Access
 * Analyzer's; exit 1 on an error, 2 when an identity cannot be read. With {@code --with-identity} the separation of
 * duties check (D4 SOD-001) also counts the identity policies of users and roles whose account the key policy
 * delegates to (E7b); see {@link LintIdentities} for the accepted forms.
 */
public final class PolicyLintCommand implements Subcommand {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String description() {
        return "Find risky or ineffective statements (separation of duties, lockout, wildcards, typos); exit 1 on an error";
    }

    @Override
    public void configure(Subparser parser) {
        parser.addArgument("file").metavar("FILE").help("the policy document (JSON)");
        parser.addArgument("--key-arn").help("the key the policy is for (default: inferred from the policy)");
        parser.addArgument("--with-identity").metavar("IDENTITY").nargs("+").help("also count identity policies"
                + " where the key policy delegates to their account (SOD-001): the server's identities file"
                + " (identities.yml: its users' and roles' policies), or ARN=POLICY.json for one user or role;"
                + " give it after FILE");
        PolicyFileArgs.addKindAndJson(parser);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        String keyArn = ns.getString("key_arn");
        LintOptions options = new LintOptions(PolicyFileArgs.kind(ns), keyArn, accountOf(keyArn));
        List<LintIdentity> identities;
        try {
            identities = identities(ns, options);
        } catch (IllegalArgumentException | IdentitiesException e) {
            err.println("kms policy lint: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        LintReport report = Linter.lint(Path.of(ns.getString("file")), options, identities);
        PolicyFileArgs.print(out, ns, report.renderText(), report.renderJson());
        return report.exitCode();
    }

    private static List<LintIdentity> identities(Namespace ns, LintOptions options) throws IOException {
        List<String> args = ns.getList("with_identity");
        if (args == null) {
            return List.of();
        }
        if (options.kind() != PolicyKind.KEY) {
            throw new IllegalArgumentException("--with-identity needs a key policy (leave out --identity)");
        }
        return LintIdentities.read(args);
    }

    private static String accountOf(String keyArn) {
        String[] parts = keyArn == null ? new String[0] : keyArn.split(":");
        return parts.length > 4 ? parts[4] : null;
    }
}

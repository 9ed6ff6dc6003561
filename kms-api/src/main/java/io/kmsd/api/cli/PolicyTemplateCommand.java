package io.kmsd.api.cli;

import io.kmsd.core.key.AccountId;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.template.KeyType;
import io.kmsd.policy.template.PolicyTemplate;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms policy template --account ACCT --admin ARN... --user ARN... [--key-type TYPE]}: prints the
 * console-style key policy (key-policy-semantics D2) with the AWS console's Sids. The result is compiled before
 * it is printed, so a malformed principal is reported instead of printed.
 */
public final class PolicyTemplateCommand implements Subcommand {
    static final List<String> KEY_TYPES = List.of("symmetric", "asymmetric-encrypt", "sign-verify", "hmac",
            "key-agreement");

    @Override
    public String name() {
        return "template";
    }

    @Override
    public String description() {
        return "Print a console-style key policy for key administrators and key users";
    }

    @Override
    public void configure(Subparser p) {
        p.addArgument("--account").required(true).help("12-digit id of the account owning the key");
        p.addArgument("--admin", "--admins").metavar("ARN").nargs("+").action(Arguments.append())
                .help("key administrators: IAM user or role ARNs (repeatable)");
        p.addArgument("--user", "--users").metavar("ARN").nargs("+").action(Arguments.append())
                .help("key users: IAM user or role ARNs, or other accounts (repeatable)");
        p.addArgument("--key-type").choices(KEY_TYPES).setDefault("symmetric").help("which usage actions users get");
        p.addArgument("--no-root-statement").action(Arguments.storeTrue())
                .help("leave out 'Enable IAM User Permissions' (the account then cannot delegate to IAM)");
        p.addArgument("--no-deletion").action(Arguments.storeTrue())
                .help("administrators may not schedule or cancel key deletion");
        p.addArgument("--external").action(Arguments.storeTrue()).help("origin EXTERNAL: admins may import material");
        p.addArgument("--multi-region").action(Arguments.storeTrue()).help("admins may replicate the key");
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) {
        String account = ns.getString("account");
        if (!AccountId.isValid(account)) {
            err.println("kms policy template: --account must be a 12-digit account id, not '" + account + "'");
            return ExitStatus.USAGE;
        }
        PolicyTemplate.Options options = new PolicyTemplate.Options(!ns.getBoolean("no_root_statement"),
                !ns.getBoolean("no_deletion"), ns.getBoolean("external"), ns.getBoolean("multi_region"));
        String policy = PolicyTemplate.render(account, flat(ns, "admin"), flat(ns, "user"), keyType(ns), options);
        try {
            PolicyParser.parseKeyPolicy(policy, null);
        } catch (RuntimeException e) {
            err.println("kms policy template: the policy would not be accepted: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        out.println(policy);
        return ExitStatus.OK;
    }

    private static KeyType keyType(Namespace ns) {
        return KeyType.valueOf(ns.getString("key_type").toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code --admin a b --admin c} → {@code [a, b, c]}. */
    private static List<String> flat(Namespace ns, String dest) {
        List<List<String>> groups = ns.getList(dest);
        List<String> out = new ArrayList<>();
        if (groups != null) {
            groups.forEach(out::addAll);
        }
        return out;
    }
}

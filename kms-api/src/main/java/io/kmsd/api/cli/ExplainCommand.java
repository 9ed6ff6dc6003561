package io.kmsd.api.cli;

import io.kmsd.core.error.KmsException;
import io.kmsd.policy.cedar.GuardrailException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms explain} (DESIGN "CLI"): one decision, explained, from one of four sources —
 * <ul>
 * <li>flags: {@code --key-policy FILE --principal ARN --action kms:Op --key-arn ARN} with {@code --identity-policy
 *     FILE}…, {@code --grants FILE}, {@code --context KEY=VALUE}…;</li>
 * <li>{@code --request FILE}: a decision vector (key-policy-semantics §9), its {@code expect} ignored;</li>
 * <li>{@code --endpoint URL}: the live server's answer now (its key policy, grants, identities and guardrails),
 *     asked with the ExplainAccess operation signed by {@code --profile} of {@code --credentials-file};</li>
 * <li>{@code --audit-event ID --audit-dir DIR}: the decision the audit trail recorded for a past request.</li>
 * </ul>
 * Offline modes also take {@code --guardrails DIR} (Cedar guardrails applied after the IAM decision, as the server
 * does). Human output by default (X6: verdict in AWS's words, deciding statements, every statement's first failure
 * expected vs actual, context keys present and missing, suggestions); {@code --json} prints X1.
 *
 * <p>Exit status (our choice; DESIGN names none): 0 the request is allowed, 1 denied (or, for an audit event,
 * never authorized), 2 usage error or unreadable input (bad flags, a missing or invalid file, an unknown event),
 * 3 no answer from the server (unreachable, or it refused the ExplainAccess request).
 */
public final class ExplainCommand implements Subcommand {
    /** Exit status when {@code --endpoint} gave no explanation. */
    public static final int NO_ANSWER = 3;

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String description() {
        return "Explain one access decision: from flags, a --request file, a live --endpoint or an --audit-event; "
                + "exit 0 allowed, 1 denied, 2 usage, 3 no answer";
    }

    @Override
    public void configure(Subparser p) {
        p.addArgument("--key-policy").metavar("FILE").help("the key policy (JSON)");
        p.addArgument("--identity-policy").metavar("FILE").action(Arguments.append())
                .help("an identity policy of the principal; repeatable");
        p.addArgument("--grants").metavar("FILE").help("the key's grants (a JSON list)");
        p.addArgument("--principal").metavar("ARN").help("the caller (with --endpoint: default yourself)");
        p.addArgument("--action").metavar("kms:Op").help("the action, e.g. kms:Decrypt");
        p.addArgument("--key-arn").metavar("ARN").help("the key (with --endpoint also a key id or alias)");
        p.addArgument("--context").metavar("KEY=VALUE").action(Arguments.append())
                .help("a condition key of the request; repeatable");
        p.addArgument("--guardrails").metavar("DIR").help("Cedar guardrails to apply (flags and --request)");
        p.addArgument("--request").metavar("FILE").help("a decision-vector file holding one vector");
        p.addArgument("--endpoint").metavar("URL").help("ask this running server (ExplainAccess)");
        p.addArgument("--profile").setDefault("kms-local").help("credentials profile for --endpoint");
        p.addArgument("--credentials-file").metavar("FILE").setDefault("data/credentials")
                .help("AWS shared-credentials file for --endpoint (written by the server's first start)");
        p.addArgument("--access-key").help("access key id for --endpoint (instead of --profile)");
        p.addArgument("--secret-key").help("secret access key for --access-key");
        p.addArgument("--session-token").help("session token for temporary credentials");
        p.addArgument("--region").setDefault("us-east-1").help("Region for --endpoint");
        p.addArgument("--audit-event").metavar("ID").help("explain the decision recorded in this audit event "
                + "(its eventID or requestID)");
        p.addArgument("--audit-dir").metavar("DIR").setDefault("data")
                .help("the audit directory (<dataDir>/audit) or the data directory, for --audit-event");
        PolicyFileArgs.addJson(p);
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) throws Exception {
        try {
            ExplainVerdict v = verdict(ns);
            PolicyFileArgs.print(out, ns, v.text(), v.json());
            return v.allowed() ? ExitStatus.OK : ExitStatus.FAILED;
        } catch (IllegalArgumentException | IOException | UncheckedIOException | KmsException | GuardrailException e) {
            err.println("kms explain: " + message(e));
            return ExitStatus.USAGE;
        } catch (LiveExplain.NoAnswer e) {
            err.println("kms explain: " + e.getMessage());
            return NO_ANSWER;
        }
    }

    private static ExplainVerdict verdict(Namespace ns) throws IOException, LiveExplain.NoAnswer {
        String source = source(ns);
        return switch (source) {
            case "--request" -> OfflineExplain.request(ns);
            case "--endpoint" -> LiveExplain.ask(ns);
            case "--audit-event" -> AuditExplain.of(ns);
            default -> OfflineExplain.flags(ns);
        };
    }

    /** The one source the flags name; the offline policy flags belong to flags mode only. */
    static String source(Namespace ns) {
        List<String> given = List.of("--request", "--endpoint", "--audit-event").stream()
                .filter(f -> ns.get(dest(f)) != null).toList();
        if (given.size() > 1) {
            throw new IllegalArgumentException(String.join(" and ", given) + " cannot be combined; give one source");
        }
        if (!given.isEmpty()) {
            for (String f : List.of("--key-policy", "--identity-policy", "--grants")) {
                if (ns.get(dest(f)) != null) {
                    throw new IllegalArgumentException(f + " cannot be combined with " + given.get(0));
                }
            }
        }
        return given.isEmpty() ? "flags" : given.get(0);
    }

    static String dest(String flag) {
        return flag.substring(2).replace('-', '_');
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        return e.getMessage();
    }
}

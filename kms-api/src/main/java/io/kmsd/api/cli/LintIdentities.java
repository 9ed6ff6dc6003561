package io.kmsd.api.cli;

import io.kmsd.api.auth.IdentitiesFile;
import io.kmsd.api.auth.Principal;
import io.kmsd.api.auth.PrincipalType;
import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.lint.LintIdentity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --with-identity} arguments of {@code ./kms policy lint}: each is the server's identities file (DESIGN
 * "Identities file"; every user and role with an access key or a session, and its inline policies, named
 * {@code alice-1}, {@code KeyAdmin-2} as the server names them) or {@code ARN=FILE}, one identity policy of the
 * user or role ARN, named after the file ({@code alice-admin.json} → {@code identity:alice-admin#Sid}).
 */
final class LintIdentities {
    private final Map<String, List<NamedPolicy>> byArn = new TreeMap<>();

    private LintIdentities() {
    }

    /** The identities the arguments name, in ARN order; a bad file or policy is an IllegalArgumentException. */
    static List<LintIdentity> read(List<String> args) throws IOException {
        LintIdentities ids = new LintIdentities();
        for (String arg : args) {
            if (arg.startsWith("arn:") && arg.contains("=")) {
                ids.policyFile(arg.substring(0, arg.indexOf('=')), Path.of(arg.substring(arg.indexOf('=') + 1)));
            } else {
                ids.identitiesFile(Path.of(arg));
            }
        }
        List<LintIdentity> out = new ArrayList<>();
        ids.byArn.forEach((arn, policies) -> out.add(new LintIdentity(arn, policies)));
        return out;
    }

    private void policyFile(String arn, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            add(arn, name, PolicyFileArgs.read(file.toString()), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("identity policy file " + file + " does not exist", e);
        }
    }

    private void identitiesFile(Path file) {
        for (Principal p : IdentitiesFile.load(file).principals()) {
            if (p.type() == PrincipalType.Root || byArn.containsKey(p.roleArn().orElse(p.arn()))) {
                continue;
            }
            String arn = p.roleArn().orElse(p.arn());
            byArn.put(arn, new ArrayList<>());
            String owner = arn.substring(arn.lastIndexOf('/') + 1);
            for (int i = 0; i < p.identityPolicies().size(); i++) {
                add(arn, owner + "-" + (i + 1), p.identityPolicies().get(i), file.toString());
            }
        }
    }

    private void add(String arn, String name, String text, String source) {
        try {
            byArn.computeIfAbsent(arn, k -> new ArrayList<>())
                    .add(new NamedPolicy(name, PolicyParser.parseIdentityPolicy(text)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("identity policy " + name + " of " + arn + " (" + source
                    + ") is not valid: " + e.getMessage(), e);
        }
    }
}

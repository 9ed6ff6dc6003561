package io.kmsd.policy.cedar;

import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.schema.Schema;
import io.kmsd.policy.actions.ActionClass;
import io.kmsd.policy.actions.KmsActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cedar schema of the entities and actions this service hands to Cedar (namespace {@code Kms}), generated from
 * the action catalog so it cannot drift from it. Principals are {@code User}, {@code Session} (in its
 * {@code Role}), {@code FederatedUser}, {@code Root} (all in their {@code Account}, tagged with
 * {@code aws:PrincipalTag/*}) and {@code Service}; the resource is the {@code Key} (in its account, tagged with its
 * tags), or the caller's {@code Account} for operations without a key. Every single-valued condition key of the
 * request is a tag of {@code context.request}, under its lower-case name (e.g.
 * {@code context.request.getTag("kms:encryptioncontext:tenant")}); typed context attributes carry the rest.
 * Actions are grouped by their D3 class and by whether they can work across accounts (E2).
 */
public final class KmsCedarSchema {
    /** The principal entity types. */
    static final List<String> PRINCIPALS = List.of("User", "Session", "FederatedUser", "Root", "Service");
    /** Action groups: the D3 classes, and the E2 cross-account operations. */
    static final Map<ActionClass, String> GROUPS = Map.of(ActionClass.USE_CRYPTO, "UseCrypto",
            ActionClass.USE_READ, "UseRead", ActionClass.ADMIN_PERMISSIONS, "AdminPermissions", ActionClass.ADMIN_LIFECYCLE, "AdminLifecycle",
            ActionClass.ADMIN_READ, "AdminRead", ActionClass.ACCOUNT, "AccountLevel");
    static final String CROSS_ACCOUNT = "CrossAccount";

    private KmsCedarSchema() {
    }

    /** The schema in Cedar's human-readable format. */
    public static String text() {
        StringBuilder sb = new StringBuilder("""
                // Generated from io.kmsd.policy.cedar.KmsCedarSchema: the entities kms hands to Cedar guardrails.
                namespace Kms {
                  entity Account;
                  entity Role in [Account] { arn: String, account: String };
                  entity User in [Account] { arn: String, account: String, name: String } tags String;
                  entity Session in [Account, Role] { arn: String, account: String, role: String } tags String;
                  entity FederatedUser in [Account] { arn: String, account: String } tags String;
                  entity Root in [Account] { arn: String, account: String };
                  entity Service { name: String };
                  entity Key in [Account] {
                    arn: String, account: String, keySpec: String, keyUsage: String, origin: String,
                    multiRegion: Bool, aliases: Set<String>
                  } tags String;
                  // Every single-valued condition key of the request, under its lower-case name.
                  entity Request tags String;
                  type RequestContext = {
                    request: Request,
                    identityAllowed: Bool,
                    identityDenied: Bool,
                    secureTransport: Bool,
                    viaService?: String,
                    callerAccount?: String,
                    sourceIp?: ipaddr,
                    encryptionContextKeys?: Set<String>,
                    grantOperations?: Set<String>,
                    resourceAliases?: Set<String>,
                    tagKeys?: Set<String>
                  };
                """);
        List<String> groups = new ArrayList<>(GROUPS.values().stream().sorted().toList());
        groups.add(CROSS_ACCOUNT);
        sb.append("  action ").append(String.join(", ", groups.stream().map(CedarText::string).toList()))
                .append(";\n");
        for (String op : KmsActions.operations()) {
            sb.append("  action ").append(CedarText.string(op)).append(" in [").append(String.join(", ",
                    groupsOf(op).stream().map(CedarText::string).toList())).append("] appliesTo { principal: [")
                    .append(String.join(", ", PRINCIPALS)).append("], resource: [")
                    .append(KmsActions.WITHOUT_KEY_RESOURCE.contains(op) ? "Account" : "Key")
                    .append("], context: RequestContext };\n");
        }
        return sb.append("}\n").toString();
    }

    private static volatile Schema parsed;

    /**
     * The schema parsed by Cedar (once).
     *
     * @throws GuardrailException when Cedar rejects it (a bug in this class, caught by its test)
     */
    static Schema parsed() {
        Schema s = parsed;
        if (s == null) {
            try {
                s = Schema.parse(Schema.JsonOrCedar.Cedar, text());
            } catch (InternalException | RuntimeException e) {
                throw new GuardrailException(List.of("the Kms Cedar schema is invalid: " + e.getMessage()));
            }
            parsed = s;
        }
        return s;
    }

    static List<String> groupsOf(String op) {
        List<String> out = new ArrayList<>();
        out.add(GROUPS.get(KmsActions.classify(op, false)));
        if (KmsActions.CROSS_ACCOUNT.contains(op)) {
            out.add(CROSS_ACCOUNT);
        }
        return out;
    }
}

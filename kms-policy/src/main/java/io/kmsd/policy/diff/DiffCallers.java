package io.kmsd.policy.diff;

import io.kmsd.policy.document.NamedPolicy;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.principal.PrincipalEntry;
import io.kmsd.policy.principal.PrincipalType;
import io.kmsd.policy.request.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callers the diff tries: every principal the policies name (a role as a session of it), the root user and
 * "any other principal" of every account they name or compare with, an account they do not name when
 * {@code Principal: "*"} appears; each with and without an identity policy allowing {@code kms:*}, and with each
 * combination of the principal tags and organization ids the conditions look at.
 */
final class DiffCallers {
    static final String ANYONE = "anyone";
    private static final NamedPolicy ALLOW_ALL = new NamedPolicy("allow-all", PolicyParser.parseIdentityPolicy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));
    private static final int MAX_ATTRIBUTE_SETS = 16;

    private final Map<String, Principal> principals = new LinkedHashMap<>();
    private final Set<String> accounts = new LinkedHashSet<>();

    static List<CallerVariant> of(List<Statement> statements, String keyAccount, ConditionSamples samples) {
        DiffCallers c = new DiffCallers();
        c.accounts.add(keyAccount);
        boolean anyone = false;
        for (Statement s : statements) {
            for (PrincipalEntry e : s.principals() == null ? List.<PrincipalEntry>of() : s.principals().entries()) {
                anyone |= c.entry(e);
            }
        }
        c.accounts.addAll(samples.accounts);
        samples.principalArns.forEach(c::arn);
        if (anyone) {
            c.accounts.add(outsider(c.accounts));
        }
        c.accounts.forEach(c::account);
        return c.variants(attributeSets(samples));
    }

    /** Adds a named principal; true for {@code *}. */
    private boolean entry(PrincipalEntry e) {
        switch (e.kind()) {
            case ANYONE, ANY_AWS -> {
                return true;
            }
            case ACCOUNT -> accounts.add(e.account());
            case SERVICE -> principals.putIfAbsent(e.value(), Principal.service(e.value()));
            case OTHER -> { }
            default -> arn(e.value());
        }
        return false;
    }

    /** A user, role (as a session of it), session or federated-user ARN; anything else (patterns) is skipped. */
    private void arn(String arn) {
        PrincipalEntry e;
        try {
            e = PrincipalEntry.parse("AWS", arn);
        } catch (IllegalArgumentException ex) {
            return;
        }
        Principal p = switch (e.kind()) {
            case USER -> Principal.user(arn, e.account());
            case ROLE -> Principal.session("arn:aws:sts::" + e.account() + ":assumed-role/"
                    + arn.substring(arn.lastIndexOf('/') + 1) + "/session", arn, e.account());
            case SESSION -> Principal.session(arn, null, e.account());
            case FEDERATED_USER -> Principal.of(arn, PrincipalType.FederatedUser, e.account(), null, null, null, null);
            default -> null;
        };
        if (e.account() != null) {
            accounts.add(e.account());
        }
        if (p != null) {
            principals.putIfAbsent(p.arn(), p);
        }
    }

    private void account(String account) {
        principals.putIfAbsent("root:" + account, Principal.root(account));
        principals.putIfAbsent("anyone:" + account, Principal.user("arn:aws:iam::" + account + ":user/" + ANYONE, account));
    }

    private static String outsider(Set<String> used) {
        long n = 999_999_999_999L;
        while (used.contains(Long.toString(n))) {
            n--;
        }
        return Long.toString(n);
    }

    private List<CallerVariant> variants(List<Map<String, String>> attributeSets) {
        List<CallerVariant> out = new ArrayList<>();
        for (Principal p : principals.values()) {
            if (p.isService()) {
                out.add(new CallerVariant(new Caller(p, List.of()), false, Map.of()));
                continue;
            }
            for (Map<String, String> attrs : attributeSets) {
                Principal tagged = withAttributes(p, attrs);
                out.add(new CallerVariant(new Caller(tagged, List.of()), false, attrs));
                if (!p.isRoot()) {
                    out.add(new CallerVariant(new Caller(tagged, List.of(ALLOW_ALL)), true, attrs));
                }
            }
        }
        return out;
    }

    private static Principal withAttributes(Principal p, Map<String, String> attrs) {
        Map<String, String> tags = new LinkedHashMap<>();
        String org = null;
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            if (a.getKey().equals("aws:PrincipalOrgID")) {
                org = a.getValue();
            } else {
                tags.put(a.getKey().substring("aws:PrincipalTag/".length()), a.getValue());
            }
        }
        return Principal.of(p.arn(), p.type(), p.account(), p.roleArn(), p.userId(), tags, org);
    }

    /** Every combination of tag and organization values (each also absent), or one attribute at a time. */
    static List<Map<String, String>> attributeSets(ConditionSamples s) {
        Map<String, List<String>> dims = new LinkedHashMap<>();
        s.principalTags.forEach((k, v) -> dims.put("aws:PrincipalTag/" + k, new ArrayList<>(v)));
        if (!s.orgIds.isEmpty()) {
            dims.put("aws:PrincipalOrgID", new ArrayList<>(s.orgIds));
        }
        return Combinations.of(dims, MAX_ATTRIBUTE_SETS);
    }
}

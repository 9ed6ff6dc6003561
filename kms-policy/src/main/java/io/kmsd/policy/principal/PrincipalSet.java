package io.kmsd.policy.principal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled Principal or NotPrincipal element: hash sets per entry kind so matching a caller costs a few
 * lookups (key-policy-semantics E4, E5). ARN comparison is exact and case-sensitive.
 */
public final class PrincipalSet {
    private final List<PrincipalEntry> entries;
    private final boolean anyone;
    private final boolean anyAws;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> arns = new HashSet<>();
    private final Set<String> services = new HashSet<>();

    public PrincipalSet(List<PrincipalEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("a principal element needs at least one entry");
        }
        this.entries = List.copyOf(entries);
        boolean any = false;
        boolean aws = false;
        for (PrincipalEntry e : entries) {
            any |= e.kind() == PrincipalEntry.Kind.ANYONE;
            aws |= e.kind() == PrincipalEntry.Kind.ANY_AWS;
            add(e);
        }
        this.anyone = any;
        this.anyAws = aws;
    }

    private void add(PrincipalEntry e) {
        switch (e.kind()) {
            case ACCOUNT -> accounts.add(e.account());
            case USER, ROLE, SESSION, FEDERATED_USER -> arns.add(e.value());
            case SERVICE -> services.add(e.value());
            default -> { }
        }
    }

    public List<PrincipalEntry> entries() {
        return entries;
    }

    /** E4: the match kind for an Allow statement (DIRECT beats ACCOUNT). */
    public PrincipalMatch match(Principal c) {
        if (c.isService()) {
            return anyone || services.contains(c.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
        }
        if (anyone || anyAws || arns.contains(c.arn())
                || (c.roleArn() != null && arns.contains(c.roleArn()))) {
            return PrincipalMatch.DIRECT;
        }
        if (accounts.contains(c.account())) {
            return c.isRoot() ? PrincipalMatch.DIRECT : PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    /** E5: true iff every element of the caller's chain is listed, so a Deny+NotPrincipal does not apply. */
    public boolean exempts(Principal c) {
        if (anyone || (anyAws && !c.isService())) {
            return true;
        }
        for (String link : c.chain()) {
            if (!lists(c, link)) {
                return false;
            }
        }
        return true;
    }

    private boolean lists(Principal c, String link) {
        if (c.isService()) {
            return services.contains(link);
        }
        return link.equals(c.rootArn()) ? accounts.contains(c.account()) : arns.contains(link);
    }

    /** The entry that matched the caller, for explanations; null if none did. */
    public String matchedEntry(Principal c) {
        for (PrincipalEntry e : entries) {
            if (new PrincipalSet(List.of(e)).match(c) != PrincipalMatch.NONE) {
                return e.value();
            }
        }
        return null;
    }

    /** The chain elements not listed here (why a NotPrincipal Deny applies), for explanations. */
    public List<String> unlisted(Principal c) {
        if (anyone || (anyAws && !c.isService())) {
            return List.of();
        }
        return c.chain().stream().filter(link -> !lists(c, link)).toList();
    }

    @Override
    public String toString() {
        return entries.stream().map(PrincipalEntry::value).toList().toString();
    }
}

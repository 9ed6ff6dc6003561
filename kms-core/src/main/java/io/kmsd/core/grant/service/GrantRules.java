package io.kmsd.core.grant.service;

import io.kmsd.core.NewGrant;
import io.kmsd.core.GrantService;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.grant.GrantErrors;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyStateTable;
import java.util.List;
import java.util.Set;

/** The CreateGrant rules that need the key (kms-api §4.9), and the limits of grant listings (§5). */
final class GrantRules {
    private GrantRules() {
    }

    /** §3.4 state first (kms-api §1.4 order), then the operations and the constraint the key type allows. */
    static void checkKey(NewGrant request, KeyFacts facts) {
        KeyArn key = request.key();
        KeyStateTable.check(KeyOperation.CreateGrant, facts.state(), key);
        KeyMetadata m = facts.metadata();
        Set<GrantOperation> supported = GrantOperation.supportedBy(m.keySpec(), m.keyUsage());
        List<GrantOperation> unsupported = request.operations().stream().filter(op -> !supported.contains(op))
                .toList();
        if (!unsupported.isEmpty()) {
            throw KmsException.validation("Grant operations " + unsupported + " are not valid for " + key
                    + ", whose key spec is " + m.keySpec() + " and key usage " + m.keyUsage() + ".");
        }
        if (request.constraints().isPresent() && m.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsException.validation("Grant constraints are supported only on symmetric encryption keys; "
                    + key + " has key spec " + m.keySpec() + "."); // kms-api §4.9, key-policy-semantics E13
        }
    }

    /** kms-api §4.9: at most 50,000 grants on a key. */
    static void requireRoom(int activeGrants, KeyArn key) {
        if (activeGrants >= GrantService.MAX_GRANTS_PER_KEY) {
            throw new KmsException(KmsError.LimitExceeded, "Key " + key + " already has the maximum of "
                    + GrantService.MAX_GRANTS_PER_KEY + " grants.");
        }
    }

    /** kms-api §5: ListGrants and ListRetirableGrants take a Limit of 1–100. */
    static void listLimit(int limit) {
        if (limit < 1) {
            throw GrantErrors.constraint(Integer.toString(limit), "limit",
                    "Member must have value greater than or equal to 1");
        }
        if (limit > GrantService.MAX_LIST_LIMIT) {
            throw GrantErrors.constraint(Integer.toString(limit), "limit",
                    "Member must have value less than or equal to " + GrantService.MAX_LIST_LIMIT);
        }
    }
}

package io.kmsd.core.lifecycle;

import io.kmsd.core.ResolvedKey;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import java.util.Optional;

/**
 * Resolving a KeyRef (kms-api §2 "Resolving a KeyRef"): key ARN, alias ARN, alias name or key id. Keys are
 * regional and accounts are tenants: an alias name or bare key id resolves only in the caller's account
 * and the request's Region; another account's key is reachable only by ARN.
 */
final class Resolver {
    private final KeyCache cache;

    Resolver(KeyCache cache) {
        this.cache = cache;
    }

    ResolvedKey resolve(String ref, AccountId caller, Region region, boolean aliasAllowed) {
        if (ref == null || ref.isEmpty()) {
            throw Errors.invalidKeyId(ref == null ? "" : ref);
        }
        if (ref.startsWith("arn:")) {
            return resolveArn(ref, region, aliasAllowed);
        }
        if (ref.startsWith("alias/")) {
            if (!aliasAllowed || !AliasName.isValid(ref)) {
                throw aliasAllowed ? Errors.aliasNotFound(aliasArnOf(ref, caller, region)) : Errors.invalidKeyId(ref);
            }
            return viaAlias(new AliasArn(region, caller, new AliasName(ref)));
        }
        if (!KeyId.isValid(ref)) {
            throw Errors.invalidKeyId(ref); // §2 step 3
        }
        return existing(new KeyArn(region, caller, new KeyId(ref)));
    }

    /** §2 step 1: must parse; other Region → NotFound; the ARN's account is searched. */
    private ResolvedKey resolveArn(String ref, Region region, boolean aliasAllowed) {
        Optional<KeyArn> keyArn = KeyArn.parse(ref);
        if (keyArn.isPresent()) {
            requireRegion(keyArn.get().region(), region);
            return existing(keyArn.get());
        }
        AliasArn alias = AliasArn.parse(ref).orElseThrow(() -> Errors.invalidArn(ref));
        requireRegion(alias.region(), region);
        if (!aliasAllowed) {
            throw Errors.invalidKeyId(ref);
        }
        return viaAlias(alias);
    }

    private ResolvedKey viaAlias(AliasArn alias) {
        KeyId target = cache.aliasTarget(alias).orElseThrow(() -> Errors.aliasNotFound(alias)); // §2 step 2
        KeyArn arn = new KeyArn(alias.region(), alias.account(), target);
        cache.get(arn);
        return new ResolvedKey(arn, Optional.of(alias.name()));
    }

    private ResolvedKey existing(KeyArn arn) {
        cache.get(arn); // NotFound `Key '<arn>' does not exist` if unknown or deleted
        return new ResolvedKey(arn, Optional.empty());
    }

    private static void requireRegion(Region inArn, Region requested) {
        if (!inArn.equals(requested)) {
            throw Errors.otherRegion(inArn.value());
        }
    }

    /** An alias ARN text for the NotFound message even when the name itself is malformed. */
    private static String aliasArnOf(String name, AccountId caller, Region region) {
        return "arn:aws:kms:" + region + ":" + caller + ":" + name;
    }
}

package io.kmsd.api.auth;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.Region;
import java.util.Optional;

/**
 * {@code auth.mode: permissive} (DESIGN "Configuration"; for test suites only): any access key is accepted and
 * no signature is checked. A key of the identities file acts as its principal; an access key id of 12 digits
 * names its account (as LocalStack does); any other caller, signed or not, is the root user of
 * {@code defaultAccount}. The Region is still the credential scope's, {@code us-east-1} if there is none.
 */
public final class PermissiveAuthenticator implements Authenticator {
    static final Region DEFAULT_REGION = new Region("us-east-1");

    private final IdentityStore identities;
    private final AccountId defaultAccount;
    private final ServedRegions regions;

    public PermissiveAuthenticator(IdentityStore identities, AccountId defaultAccount, ServedRegions regions) {
        this.identities = identities;
        this.defaultAccount = defaultAccount;
        this.regions = regions;
    }

    @Override
    public Authenticated authenticate(SignedRequest request) {
        Optional<AuthorizationHeader> auth = request.header("authorization").flatMap(PermissiveAuthenticator::parse);
        if (auth.isEmpty()) {
            return new Authenticated(Principal.root(defaultAccount, ""), DEFAULT_REGION);
        }
        String region = auth.get().scopeRegion();
        if (!regions.serves(region)) {
            throw new KmsException(KmsError.InvalidSignature,
                    "Credential should be scoped to a valid region, not '" + region + "'.");
        }
        return new Authenticated(principal(auth.get().accessKeyId()), new Region(region));
    }

    private Principal principal(String accessKeyId) {
        Optional<Credential> known = identities.credential(accessKeyId);
        if (known.isPresent()) {
            return known.get().principal();
        }
        AccountId account = AccountId.isValid(accessKeyId) ? new AccountId(accessKeyId) : defaultAccount;
        return Principal.root(account, accessKeyId);
    }

    private static Optional<AuthorizationHeader> parse(String header) {
        try {
            return Optional.of(AuthorizationHeader.parse(header));
        } catch (KmsException e) {
            return Optional.empty();
        }
    }
}

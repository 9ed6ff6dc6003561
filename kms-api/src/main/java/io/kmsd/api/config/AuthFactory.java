package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.kmsd.api.auth.Authenticator;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.auth.PermissiveAuthenticator;
import io.kmsd.api.auth.ServedRegions;
import io.kmsd.api.auth.SigV4Verifier;
import io.kmsd.core.key.AccountId;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * {@code kms.auth}: how callers authenticate (DESIGN "Configuration"). The signature check may be switched off
 * only by writing {@code mode: permissive}; the clock skew allowed is 5 minutes unless set, at most 15
 * (kms-api §1.5 step 4).
 */
public class AuthFactory {
    @NotNull
    private AuthMode mode = AuthMode.SIGV4;

    @NotEmpty
    private String identitiesFile = "identities.yml";

    @NotNull
    @Pattern(regexp = "\\d{12}", message = "must be a 12-digit account id (in quotes)")
    private String defaultAccount = "111122223333";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 15, unit = TimeUnit.MINUTES)
    private Duration clockSkew = Duration.minutes(5);

    private boolean allowUnsignedPayload;

    @JsonProperty
    public AuthMode getMode() {
        return mode;
    }

    @JsonProperty
    public void setMode(AuthMode mode) {
        this.mode = mode;
    }

    @JsonProperty
    public String getIdentitiesFile() {
        return identitiesFile;
    }

    @JsonProperty
    public void setIdentitiesFile(String identitiesFile) {
        this.identitiesFile = identitiesFile;
    }

    @JsonProperty
    public String getDefaultAccount() {
        return defaultAccount;
    }

    @JsonProperty
    public void setDefaultAccount(String defaultAccount) {
        this.defaultAccount = defaultAccount;
    }

    @JsonProperty
    public Duration getClockSkew() {
        return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /** Accept {@code X-Amz-Content-SHA256: UNSIGNED-PAYLOAD} (kms-api §1.5 step 7); off by default. */
    @JsonProperty
    public boolean isAllowUnsignedPayload() {
        return allowUnsignedPayload;
    }

    @JsonProperty
    public void setAllowUnsignedPayload(boolean allowUnsignedPayload) {
        this.allowUnsignedPayload = allowUnsignedPayload;
    }

    public AccountId defaultAccountId() {
        return new AccountId(defaultAccount);
    }

    /** The identities file; a relative name is resolved in the data directory. */
    public Path identitiesPath(Path dataDir) {
        return dataDir.resolve(identitiesFile);
    }

    public Authenticator build(IdentityStore identities, ServedRegions regions, Clock clock) {
        if (mode == AuthMode.PERMISSIVE) {
            return new PermissiveAuthenticator(identities, defaultAccountId(), regions);
        }
        return new SigV4Verifier(identities, regions, clock, clockSkew.toJavaDuration(), allowUnsignedPayload);
    }
}

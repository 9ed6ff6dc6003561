package io.kmsd.core.alias;

import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.Region;
import java.util.Optional;

/** {@code arn:aws:kms:<region>:<account>:alias/<name>}. */
public record AliasArn(Region region, AccountId account, AliasName name) {
    private static final String PREFIX = "arn:aws:kms:";

    public AliasArn {
        if (region == null || account == null || name == null) {
            throw new IllegalArgumentException("alias ARN needs region, account and name");
        }
    }

    public static Optional<AliasArn> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3 || !Region.isValid(parts[0]) || !AccountId.isValid(parts[1])
                || !AliasName.isValid(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(new AliasArn(new Region(parts[0]), new AccountId(parts[1]), new AliasName(parts[2])));
    }

    @Override
    public String toString() {
        return PREFIX + region + ":" + account + ":" + name;
    }
}

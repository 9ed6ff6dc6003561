package io.kmsd.core.key;

import java.util.Optional;

/** {@code arn:aws:kms:<region>:<account>:key/<key-id>}: names one key in one account and Region. */
public record KeyArn(Region region, AccountId account, KeyId keyId) {
    private static final String PREFIX = "arn:aws:kms:";

    public KeyArn {
        if (region == null || account == null || keyId == null) {
            throw new IllegalArgumentException("key ARN needs region, account and key id");
        }
    }

    /** Parses a key ARN; empty if the text is not one. */
    public static Optional<KeyArn> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3 || !parts[2].startsWith("key/")) {
            return Optional.empty();
        }
        String id = parts[2].substring("key/".length());
        if (!Region.isValid(parts[0]) || !AccountId.isValid(parts[1]) || !KeyId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.of(new KeyArn(new Region(parts[0]), new AccountId(parts[1]), new KeyId(id)));
    }

    @Override
    public String toString() {
        return PREFIX + region + ":" + account + ":key/" + keyId;
    }
}

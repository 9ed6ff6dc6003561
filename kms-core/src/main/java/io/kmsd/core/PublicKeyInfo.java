package io.kmsd.core;

import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyUsage;
import java.util.List;
import java.util.Objects;

/**
 * The result of GetPublicKey (kms-api §4.6): the DER SubjectPublicKeyInfo, the key's spec and usage, and the one
 * algorithm list matching the usage. {@code customerMasterKeySpec} is null where §3.1 omits it.
 */
public record PublicKeyInfo(KeyArn key, byte[] publicKey, KeySpec keySpec, KeyUsage keyUsage,
                            List<String> algorithms) {
    public PublicKeyInfo {
        Objects.requireNonNull(key, "key");
        publicKey = publicKey.clone();
        algorithms = List.copyOf(algorithms);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String customerMasterKeySpec() {
        return keySpec.hasCustomerMasterKeySpec() ? keySpec.name() : null;
    }
}

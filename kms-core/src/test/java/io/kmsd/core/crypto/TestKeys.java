package io.kmsd.core.crypto;

import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyId;
import io.kmsd.core.key.Region;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Key rings for crypto tests, from an in-memory root key. */
final class TestKeys {
    static final RootKeyProvider ROOT = new InMemoryRoot(SecureRandoms.bytes(32));
    static final MaterialVault VAULT = new MaterialVault(ROOT);

    private TestKeys() {
    }

    static KeyArn newArn() {
        return new KeyArn(new Region("us-east-1"), new AccountId("111122223333"), KeyId.random());
    }

    static KeyRing ring(KeyArn arn) {
        return new KeyRing(arn.keyId(), List.of(VAULT.generate(arn, 1).material()));
    }

    static KeyRing ring() {
        return ring(newArn());
    }

    /** A root key held in memory (tests only). */
    static final class InMemoryRoot implements RootKeyProvider {
        private final AesGcm aes;
        private final byte[] key;

        InMemoryRoot(byte[] key) {
            this.aes = new AesGcm(key);
            this.key = key.clone();
        }

        @Override
        public byte[] wrap(byte[] secret, byte[] aad) {
            return aes.seal(secret, aad);
        }

        @Override
        public byte[] unwrap(byte[] wrapped, byte[] aad) {
            byte[] out = aes.open(wrapped, aad);
            if (out == null) {
                throw new IllegalStateException("does not unwrap");
            }
            return out;
        }

        @Override
        public byte[] deriveKey(String purpose) {
            byte[] out = new byte[32];
            byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 32; i++) {
                out[i] = (byte) (key[i] ^ (i < p.length ? p[i] : 0));
            }
            return out;
        }

        @Override
        public String describe() {
            return "in-memory test root key";
        }
    }
}

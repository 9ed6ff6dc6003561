package io.kmsd.api;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;

/**
 * The client side of an import (kms-api §4.10), as a user would write it: the JDK's RSA-OAEP over the material,
 * or for RSA_AES_KEY_WRAP_SHA_x an OAEP-wrapped ephemeral AES-256 key followed by the material under
 * BouncyCastle's RFC 5649 AES Key Wrap with Padding.
 */
public final class ImportWrapping {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImportWrapping() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@link #wrap} for callers that cannot throw checked exceptions. */
    public static byte[] wrapUnchecked(byte[] spki, AlgorithmSpec algorithm, byte[] material) {
        try {
            return wrap(spki, algorithm, material);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] wrap(byte[] spki, AlgorithmSpec algorithm, byte[] material) throws Exception {
        PublicKey rsa = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        String hash = algorithm.toString().endsWith("SHA_256") ? "SHA-256" : "SHA-1";
        if (algorithm == AlgorithmSpec.RSAES_OAEP_SHA_1 || algorithm == AlgorithmSpec.RSAES_OAEP_SHA_256) {
            return oaep(rsa, hash, material);
        }
        byte[] aesKey = randomBytes(32);
        RFC5649WrapEngine kwp = new RFC5649WrapEngine(AESEngine.newInstance());
        kwp.init(true, new KeyParameter(aesKey));
        return Arrays.concatenate(oaep(rsa, hash, aesKey), kwp.wrap(material, 0, material.length));
    }

    private static byte[] oaep(PublicKey key, String hash, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                PSource.PSpecified.DEFAULT));
        return cipher.doFinal(data);
    }
}

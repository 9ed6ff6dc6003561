package io.kmsd.core.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * What a client does before ImportKeyMaterial (kms-api §4.10), with the JDK only: RSAES_OAEP_SHA_x over the
 * material, or RSA_AES_KEY_WRAP_SHA_x (an OAEP-wrapped ephemeral AES-256 key, then the material under AES-KWP).
 */
public final class LocalWrap {
    private LocalWrap() {
    }

    public static byte[] wrap(byte[] publicKeyDer, String algorithm, byte[] material) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
            String hash = algorithm.endsWith("SHA_256") ? "SHA-256" : "SHA-1";
            if (algorithm.startsWith("RSAES_OAEP")) {
                return oaep(key, hash, material);
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey ephemeral = generator.generateKey();
            Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
            kwp.init(Cipher.ENCRYPT_MODE, ephemeral);
            byte[] head = oaep(key, hash, ephemeral.getEncoded());
            byte[] tail = kwp.doFinal(material);
            byte[] out = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, out, head.length, tail.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] oaep(PublicKey key, String hash, byte[] data) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                PSource.PSpecified.DEFAULT));
        return rsa.doFinal(data);
    }
}

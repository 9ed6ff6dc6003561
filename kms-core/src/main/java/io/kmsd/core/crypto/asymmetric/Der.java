package io.kmsd.core.crypto.asymmetric;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** DER encoding and decoding of PKCS#8 and SubjectPublicKeyInfo. */
final class Der {
    private Der() {
    }

    /** One PKCS#8 structure, nothing after it. */
    static PrivateKeyInfo privateKeyInfo(byte[] der) throws IOException {
        return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    }

    /** One SubjectPublicKeyInfo structure, nothing after it. */
    static SubjectPublicKeyInfo publicKeyInfo(byte[] der) throws IOException {
        return SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    }

    static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pkcs8(AsymmetricKeyParameter privateKey) {
        try {
            return encode(PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] spki(AsymmetricKeyParameter publicKey) {
        try {
            return encode(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rejects material that does not fit the spec; the caller turns this into IncorrectKeyMaterial. */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what);
        }
    }
}

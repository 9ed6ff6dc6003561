package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The client signer against the worked example of kms-api §1.6 (botocore's SigV4Auth output). */
class SigV4SignerTest {
    static final Credentials EXAMPLE = new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    static final byte[] BODY = "{\"KeyId\": \"alias/example\", \"Plaintext\": \"aGVsbG8=\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final String BODY_HASH = "e5f63ef44dfb40d11b37ff3e77f498aca05cd72fb35fd1b2ead4437c428ab9f4";

    static TreeMap<String, String> exampleHeaders() {
        TreeMap<String, String> h = new TreeMap<>();
        h.put("content-type", "application/x-amz-json-1.1");
        h.put("x-amz-target", "TrentService.Encrypt");
        h.put("x-amz-date", "20150830T123600Z");
        h.put("host", "localhost:8080");
        return h;
    }

    @Test
    void bodyIsExactly51BytesAndHashesAsInTheSpec() {
        assertThat(BODY).hasSize(51);
        assertThat(new SigV4Signer(EXAMPLE, "us-east-1").payloadHash(BODY)).isEqualTo(BODY_HASH);
        assertThat(new SigV4Signer(EXAMPLE, "us-east-1").payloadHash(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void canonicalRequestMatchesSection16() {
        assertThat(SigV4Signer.canonicalRequest("POST", "/", exampleHeaders(), BODY_HASH)).isEqualTo("""
                POST
                /

                content-type:application/x-amz-json-1.1
                host:localhost:8080
                x-amz-date:20150830T123600Z
                x-amz-target:TrentService.Encrypt

                content-type;host;x-amz-date;x-amz-target
                e5f63ef44dfb40d11b37ff3e77f498aca05cd72fb35fd1b2ead4437c428ab9f4""");
    }

    @Test
    void stringToSignMatchesSection16() {
        String canonical = SigV4Signer.canonicalRequest("POST", "/", exampleHeaders(), BODY_HASH);
        String hash = new SigV4Signer(EXAMPLE, "us-east-1").payloadHash(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(SigV4Signer.stringToSign("20150830T123600Z", SigV4Signer.scope("20150830", "us-east-1"), hash))
                .isEqualTo("""
                        AWS4-HMAC-SHA256
                        20150830T123600Z
                        20150830/us-east-1/kms/aws4_request
                        e72d0ce173943f98a1cc271efde6793674024be37a819784d893242cbcb28078""");
    }

    @Test
    void derivedKeysMatchSection16() {
        List<byte[]> chain = SigV4Signer.keyChain(EXAMPLE.secretAccessKey(), "20150830", "us-east-1");
        assertThat(chain.stream().map(SigV4Signer::hex)).containsExactly(
                "0138c7a6cbd60aa727b2f653a522567439dfb9f3e72b21f9b25941a42f04a7cd",
                "f33d5808504bf34812e5fade63308b424b244c59189be2a591dd2282c7cb563f",
                "de2456d69704fb2db326a51913f594756e80b37403d638e40f9252d06bcacd10",
                "daf4bdf807b2e75aeddb12d90af33760aa260ac37875a093af71f7f0ddda481e");
    }

    @Test
    void authorizationHeaderMatchesSection16() {
        assertThat(new SigV4Signer(EXAMPLE, "us-east-1").authorization("POST", "/", exampleHeaders(), BODY_HASH))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kms/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                        + "Signature=821c7d7c8ebc0f6ca6108f1a1acfcbe76f5f5950a1dfc2f2a14f392a50dc2241");
    }

    @Test
    void sessionTokenVariantMatchesSection16() {
        Credentials withToken = new Credentials(EXAMPLE.accessKeyId(), EXAMPLE.secretAccessKey(),
                Optional.of("FQoGZXIvYXdzEXAMPLETOKEN"));
        TreeMap<String, String> h = exampleHeaders();
        h.put("x-amz-security-token", "FQoGZXIvYXdzEXAMPLETOKEN");
        assertThat(new SigV4Signer(withToken, "us-east-1").authorization("POST", "/", h, BODY_HASH))
                .endsWith("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                        + "Signature=4653b8c348f128ccbe3075d31f0e950e9d4805a59c1c384af2e4f365db75d8a5");
    }

    @Test
    void cachedSigningKeyIsReplacedWhenTheDayChanges() {
        SigV4Signer signer = new SigV4Signer(EXAMPLE, "us-east-1");
        String day1 = signer.authorization("POST", "/", exampleHeaders(), BODY_HASH);
        TreeMap<String, String> nextDay = exampleHeaders();
        nextDay.put("x-amz-date", "20150831T123600Z");
        String day2 = signer.authorization("POST", "/", nextDay, BODY_HASH);
        String day2Fresh = new SigV4Signer(EXAMPLE, "us-east-1").authorization("POST", "/", nextDay, BODY_HASH);
        assertThat(day2).isEqualTo(day2Fresh).isNotEqualTo(day1).contains("/20150831/us-east-1/kms/");
        assertThat(signer.authorization("POST", "/", exampleHeaders(), BODY_HASH)).isEqualTo(day1);
    }

    @Test
    void anotherSecretOrRegionGivesAnotherSignature() {
        String good = new SigV4Signer(EXAMPLE, "us-east-1").authorization("POST", "/", exampleHeaders(), BODY_HASH);
        String otherSecret = new SigV4Signer(new Credentials("AKIDEXAMPLE", "x"), "us-east-1")
                .authorization("POST", "/", exampleHeaders(), BODY_HASH);
        String otherRegion = new SigV4Signer(EXAMPLE, "eu-west-1").authorization("POST", "/", exampleHeaders(), BODY_HASH);
        assertThat(otherSecret).isNotEqualTo(good);
        assertThat(otherRegion).isNotEqualTo(good).contains("/eu-west-1/kms/");
    }

    @Test
    void refusesToSignWithoutHostOrDate() {
        SigV4Signer signer = new SigV4Signer(EXAMPLE, "us-east-1");
        TreeMap<String, String> noHost = exampleHeaders();
        noHost.remove("host");
        TreeMap<String, String> noDate = exampleHeaders();
        noDate.remove("x-amz-date");
        assertThatThrownBy(() -> signer.authorization("POST", "/", noHost, BODY_HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.authorization("POST", "/", noDate, BODY_HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerValuesAreTrimmedAndInnerSpacesCollapsed() {
        TreeMap<String, String> h = exampleHeaders();
        h.put("x-amz-target", "  TrentService.Encrypt   ");
        h.put("content-type", "application/x-amz-json-1.1");
        assertThat(SigV4Signer.canonicalRequest("POST", "/", h, BODY_HASH))
                .isEqualTo(SigV4Signer.canonicalRequest("POST", "/", exampleHeaders(), BODY_HASH));
        h.put("x-custom", "a   b\t c");
        assertThat(SigV4Signer.canonicalRequest("POST", "/", h, BODY_HASH)).contains("\nx-custom:a b c\n");
    }

    @Test
    void amzDateIsBasicIsoUtc() {
        assertThat(SigV4Signer.amzDate(1440938160L)).isEqualTo("20150830T123600Z");
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        Credentials c = new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                Optional.of("TOKEN-SECRET"));
        assertThat(c.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalr").doesNotContain("TOKEN-SECRET");
    }
}

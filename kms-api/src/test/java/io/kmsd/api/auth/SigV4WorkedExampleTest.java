package io.kmsd.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** kms-api §1.6: the worked example (botocore SigV4Auth), every intermediate value, and its session-token variant. */
class SigV4WorkedExampleTest {
    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN";
    static final String TIME = "20150830T123600Z";
    static final String BODY = "{\"KeyId\": \"alias/example\", \"Plaintext\": \"aGVsbG8=\"}";
    static final String SIGNATURE = "821c7d7c8ebc0f6ca6108f1a1acfcbe76f5f5950a1dfc2f2a14f392a50dc2241";
    static final String SESSION_SIGNATURE = "4653b8c348f128ccbe3075d31f0e950e9d4805a59c1c384af2e4f365db75d8a5";
    static final Clock AT_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    static SignedRequest request(String signedHeaders, String signature, boolean withToken) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
        headers.put("X-Amz-Target", List.of("TrentService.Encrypt"));
        headers.put("X-Amz-Date", List.of(TIME));
        headers.put("Host", List.of("localhost:8080"));
        if (withToken) {
            headers.put("X-Amz-Security-Token", List.of(TOKEN));
        }
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kms/"
                + "aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        return new SignedRequest("POST", "/", "", headers, BODY.getBytes(StandardCharsets.UTF_8));
    }

    static SignedRequest example() {
        return request("content-type;host;x-amz-date;x-amz-target", SIGNATURE, false);
    }

    static IdentityStore identities(Optional<String> token) {
        AccountId account = new AccountId("111122223333");
        Principal p = new Principal(account, Principal.userArn(account, "/", "example"), PrincipalType.User,
                Optional.empty(), Map.of(), KEY_ID, List.of());
        return IdentityStore.of(List.of(new Credential(KEY_ID, SECRET, p, token, Optional.empty(), true)),
                List.of(account.value()), List.of(p.arn()));
    }

    static SigV4Verifier verifier(IdentityStore store, Clock clock) {
        return new SigV4Verifier(store, ServedRegions.all(), clock, Duration.ofMinutes(5), false);
    }

    @Test
    void bodyIsThe51ByteExample() {
        assertThat(BODY.getBytes(StandardCharsets.UTF_8)).hasSize(51);
        assertThat(Hashing.sha256Hex(BODY)).isEqualTo("e5f63ef44dfb40d11b37ff3e77f498aca05cd72fb35fd1b2ead4437c428ab9f4");
    }

    @Test
    void canonicalRequestIsTheExample() {
        SignedRequest r = example();
        AuthorizationHeader auth = AuthorizationHeader.parse(r.header("authorization").orElseThrow());
        assertThat(CanonicalRequest.of(r, auth, Hashing.sha256Hex(r.body()))).isEqualTo("""
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
    void stringToSignIsTheExample() {
        SignedRequest r = example();
        AuthorizationHeader auth = AuthorizationHeader.parse(r.header("authorization").orElseThrow());
        String canonical = CanonicalRequest.of(r, auth, Hashing.sha256Hex(r.body()));
        assertThat(CanonicalRequest.stringToSign(TIME, auth.scope(), canonical)).isEqualTo("""
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/kms/aws4_request
                e72d0ce173943f98a1cc271efde6793674024be37a819784d893242cbcb28078""");
    }

    @Test
    void signingKeyChainIsTheExample() {
        byte[] kDate = Hashing.hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), "20150830");
        byte[] kRegion = Hashing.hmac(kDate, "us-east-1");
        byte[] kService = Hashing.hmac(kRegion, "kms");
        byte[] kSigning = Hashing.hmac(kService, "aws4_request");
        assertThat(Hashing.hex(kDate)).isEqualTo("0138c7a6cbd60aa727b2f653a522567439dfb9f3e72b21f9b25941a42f04a7cd");
        assertThat(Hashing.hex(kRegion)).isEqualTo("f33d5808504bf34812e5fade63308b424b244c59189be2a591dd2282c7cb563f");
        assertThat(Hashing.hex(kService)).isEqualTo("de2456d69704fb2db326a51913f594756e80b37403d638e40f9252d06bcacd10");
        assertThat(Hashing.hex(kSigning)).isEqualTo("daf4bdf807b2e75aeddb12d90af33760aa260ac37875a093af71f7f0ddda481e");
        assertThat(SigningKeys.derive(SECRET, "20150830", "us-east-1", "kms")).isEqualTo(kSigning);
    }

    @Test
    void exampleVerifiesAsItsUser() {
        Authenticated who = verifier(identities(Optional.empty()), AT_TIME).authenticate(example());
        assertThat(who.principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/example");
        assertThat(who.region().value()).isEqualTo("us-east-1");
    }

    @Test
    void sessionTokenVariantVerifies() {
        SignedRequest r = request("content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
                SESSION_SIGNATURE, true);
        Authenticated who = verifier(identities(Optional.of(TOKEN)), AT_TIME).authenticate(r);
        assertThat(who.principal().accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void exampleWithOneBodyByteChangedIsASignatureMismatch() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        body[20] ^= 0x20;
        SignedRequest r = example();
        SignedRequest changed = new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body);
        assertThatThrownBy(() -> verifier(identities(Optional.empty()), AT_TIME).authenticate(changed))
                .isInstanceOf(KmsException.class)
                .hasMessageStartingWith("The request signature we calculated does not match");
    }

    @Test
    void exampleWithAnotherSecretIsASignatureMismatch() {
        AccountId account = new AccountId("111122223333");
        Principal p = Principal.root(account, KEY_ID);
        IdentityStore other = IdentityStore.of(List.of(new Credential(KEY_ID, SECRET + "x", p, Optional.empty(),
                Optional.empty(), true)), List.of(account.value()), List.of());
        assertThatThrownBy(() -> verifier(other, AT_TIME).authenticate(example()))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.error()).isEqualTo(KmsError.InvalidSignature));
    }

    @Test
    void sdkSignerAgreesWithTheExample() {
        SignedRequest r = SdkSigner.sign(SdkSigner.Spec.of(KEY_ID, SECRET, AT_TIME.instant()), "Encrypt", BODY);
        assertThat(verifier(identities(Optional.empty()), AT_TIME).authenticate(r).principal().accessKeyId())
                .isEqualTo(KEY_ID);
    }
}

package io.kmsd.api.auth;

import static io.kmsd.api.auth.SigV4WorkedExampleTest.AT_TIME;
import static io.kmsd.api.auth.SigV4WorkedExampleTest.KEY_ID;
import static io.kmsd.api.auth.SigV4WorkedExampleTest.SECRET;
import static io.kmsd.api.auth.SigV4WorkedExampleTest.TOKEN;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kms-api §1.5 and §6.4–6.7: every way a signature must fail, with the service's error type and message. */
class SigV4VerifierTest {
    static final Instant NOW = AT_TIME.instant();
    static final String BODY = "{\"KeyId\":\"alias/example\"}";
    static final SdkSigner.Spec GOOD = SdkSigner.Spec.of(KEY_ID, SECRET, NOW);

    private final SigV4Verifier verifier = SigV4WorkedExampleTest.verifier(
            SigV4WorkedExampleTest.identities(Optional.empty()), AT_TIME);

    static AbstractThrowableAssert<?, ?> fails(SigV4Verifier v, SignedRequest r, KmsError error) {
        return assertThatThrownBy(() -> v.authenticate(r)).isInstanceOfSatisfying(KmsException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void missingAuthorizationIsMissingAuthenticationToken() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "Authorization", null);
        fails(verifier, r, KmsError.MissingAuthenticationToken).hasMessage("Missing Authentication Token");
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() {
        SignedRequest r = SdkSigner.sign(SdkSigner.Spec.of("AKIAUNKNOWNKEY123456", SECRET, NOW), "ListKeys", BODY);
        fails(verifier, r, KmsError.UnrecognizedClient)
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void wrongSecretIsInvalidSignature() {
        SignedRequest r = SdkSigner.sign(GOOD.secret(SECRET + "x"), "ListKeys", BODY);
        fails(verifier, r, KmsError.InvalidSignature).hasMessage("The request signature we calculated does not "
                + "match the signature you provided. Check your AWS Secret Access Key and signing method. Consult "
                + "the service documentation for details.");
    }

    @Test
    void changedBodyByteIsInvalidSignature() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        body[3] ^= 1;
        fails(verifier, SdkSigner.withBody(r, body), KmsError.InvalidSignature);
    }

    @Test
    void changedSignedHeaderIsInvalidSignature() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Target",
                "TrentService.ScheduleKeyDeletion");
        fails(verifier, r, KmsError.InvalidSignature);
    }

    @Test
    void scopeServiceS3IsInvalidSignature() {
        fails(verifier, SdkSigner.sign(GOOD.service("s3"), "ListKeys", BODY), KmsError.InvalidSignature)
                .hasMessage("Credential should be scoped to correct service: 'kms'.");
    }

    @Test
    void unservedRegionIsInvalidSignature() {
        SigV4Verifier onlyEu = new SigV4Verifier(SigV4WorkedExampleTest.identities(Optional.empty()),
                ServedRegions.only(List.of("eu-west-1")), AT_TIME, Duration.ofMinutes(5), false);
        fails(onlyEu, SdkSigner.sign(GOOD, "ListKeys", BODY), KmsError.InvalidSignature)
                .hasMessage("Credential should be scoped to a valid region, not 'us-east-1'.");
        fails(verifier, SdkSigner.sign(GOOD.region("moon"), "ListKeys", BODY), KmsError.InvalidSignature)
                .hasMessage("Credential should be scoped to a valid region, not 'moon'.");
    }

    @Test
    void requestSixMinutesOldIsExpiredAndFourMinutesOldIsAccepted() {
        SignedRequest old = SdkSigner.sign(SdkSigner.Spec.of(KEY_ID, SECRET, NOW.minusSeconds(360)), "ListKeys", BODY);
        fails(verifier, old, KmsError.InvalidSignature).hasMessage("Signature expired: 20150830T123000Z is now "
                + "earlier than 20150830T123100Z (20150830T123600Z - 5 min.)");
        SignedRequest recent = SdkSigner.sign(SdkSigner.Spec.of(KEY_ID, SECRET, NOW.minusSeconds(240)), "ListKeys",
                BODY);
        assertThat(verifier.authenticate(recent).principal().accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void requestFromTheFutureIsNotYetCurrent() {
        SignedRequest r = SdkSigner.sign(SdkSigner.Spec.of(KEY_ID, SECRET, NOW.plusSeconds(301)), "ListKeys", BODY);
        fails(verifier, r, KmsError.InvalidSignature).hasMessage("Signature not yet current: 20150830T124101Z is "
                + "still later than 20150830T124100Z (20150830T123600Z + 5 min.)");
    }

    @Test
    void configuredSkewWidensTheWindow() {
        SigV4Verifier wide = new SigV4Verifier(SigV4WorkedExampleTest.identities(Optional.empty()),
                ServedRegions.all(), AT_TIME, Duration.ofMinutes(15), false);
        SignedRequest r = SdkSigner.sign(SdkSigner.Spec.of(KEY_ID, SECRET, NOW.minusSeconds(840)), "ListKeys", BODY);
        assertThat(wide.authenticate(r).principal().accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void scopeDateOtherThanRequestDateIsInvalidSignature() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        String auth = r.header("authorization").orElseThrow().replace("/20150830/", "/20150829/");
        fails(verifier, SdkSigner.withHeader(r, "Authorization", auth), KmsError.InvalidSignature)
                .hasMessage("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                        + "HTTP: '20150829' != '20150830', from '20150830T123600Z'.");
    }

    @Test
    void authorizationWithoutSignatureIsIncomplete() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        String auth = r.header("authorization").orElseThrow().replaceAll(", Signature=[0-9a-f]+", "");
        fails(verifier, SdkSigner.withHeader(r, "Authorization", auth), KmsError.IncompleteSignature)
                .hasMessageStartingWith("Authorization header requires 'Signature' parameter.");
    }

    @Test
    void authorizationWithoutCredentialAndSignedHeadersNamesBoth() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "Authorization",
                "AWS4-HMAC-SHA256 Signature=abc");
        fails(verifier, r, KmsError.IncompleteSignature).hasMessageStartingWith("Authorization header requires "
                + "'Credential' parameter. Authorization header requires 'SignedHeaders' parameter.");
    }

    @Test
    void hostNotSignedIsIncomplete() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        String auth = r.header("authorization").orElseThrow().replace("host;", "");
        fails(verifier, SdkSigner.withHeader(r, "Authorization", auth), KmsError.IncompleteSignature)
                .hasMessage("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void otherAlgorithmIsIncomplete() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        String auth = r.header("authorization").orElseThrow().replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256");
        fails(verifier, SdkSigner.withHeader(r, "Authorization", auth), KmsError.IncompleteSignature);
    }

    @Test
    void credentialScopeWithFourPartsIsIncomplete() {
        SignedRequest r = SdkSigner.sign(GOOD, "ListKeys", BODY);
        String auth = r.header("authorization").orElseThrow().replace("/kms/aws4_request", "/kms");
        fails(verifier, SdkSigner.withHeader(r, "Authorization", auth), KmsError.IncompleteSignature);
    }

    @Test
    void noDateHeaderIsIncomplete() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Date", null);
        fails(verifier, r, KmsError.IncompleteSignature).hasMessageStartingWith("Authorization header requires "
                + "existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    /** RequestTime reads X-Amz-Date by hand: every malformed or impossible time is still refused. */
    @ParameterizedTest
    @ValueSource(strings = {"20150830T123600", "20150830t123600Z",
        "20150830T123600z", "2015-08-30T12:36:00Z", "20151330T123600Z", "20150230T123600Z", "20150830T246000Z",
        "20150830T126000Z", "2015083OT123600Z", "+0150830T123600Z", "20150830T12360 Z", "", "201508300T123600Z"})
    void malformedAmzDateIsIncomplete(String amzDate) {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Date", amzDate);
        fails(verifier, r, KmsError.IncompleteSignature).hasMessage("Date must be in ISO-8601 'basic format'. Got '"
                + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void signedHeaderMissingFromTheRequestIsIncomplete() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Target", null);
        fails(verifier, r, KmsError.IncompleteSignature);
    }

    @Test
    void contentSha256OtherThanTheBodyHashIsInvalidSignature() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Content-SHA256",
                Hashing.sha256Hex("other"));
        fails(verifier, r, KmsError.InvalidSignature)
                .hasMessage("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void unsignedPayloadIsRefusedUnlessConfigured() {
        SignedRequest r = SdkSigner.withHeader(SdkSigner.sign(GOOD, "ListKeys", BODY), "X-Amz-Content-SHA256",
                "UNSIGNED-PAYLOAD");
        fails(verifier, r, KmsError.InvalidSignature);
    }

    @Test
    void inactiveKeyIsUnrecognizedClient() {
        AccountId a = new AccountId("111122223333");
        Principal p = Principal.root(a, KEY_ID);
        IdentityStore store = IdentityStore.of(List.of(new Credential(KEY_ID, SECRET, p, Optional.empty(),
                Optional.empty(), false)), List.of(a.value()), List.of());
        fails(SigV4WorkedExampleTest.verifier(store, AT_TIME), SdkSigner.sign(GOOD, "ListKeys", BODY),
                KmsError.UnrecognizedClient);
    }

    @Test
    void sessionKeyWithoutItsTokenIsUnrecognizedClient() {
        SigV4Verifier v = SigV4WorkedExampleTest.verifier(SigV4WorkedExampleTest.identities(Optional.of(TOKEN)),
                AT_TIME);
        fails(v, SdkSigner.sign(GOOD, "ListKeys", BODY), KmsError.UnrecognizedClient);
        fails(v, SdkSigner.sign(GOOD.token("wrong-token"), "ListKeys", BODY), KmsError.UnrecognizedClient);
        assertThat(v.authenticate(SdkSigner.sign(GOOD.token(TOKEN), "ListKeys", BODY))).isNotNull();
    }

    @Test
    void tokenSentForAKeyWithoutOneIsUnrecognizedClient() {
        fails(verifier, SdkSigner.sign(GOOD.token(TOKEN), "ListKeys", BODY), KmsError.UnrecognizedClient);
    }

    @Test
    void expiredSessionIsExpiredToken() {
        AccountId a = new AccountId("111122223333");
        Principal p = new Principal(a, Principal.sessionArn(a, "Admin", "s1"), PrincipalType.AssumedRole,
                Optional.of(Principal.roleArn(a, "/", "Admin")), Map.of(), KEY_ID, List.of());
        IdentityStore store = IdentityStore.of(List.of(new Credential(KEY_ID, SECRET, p, Optional.of(TOKEN),
                Optional.of(NOW.minusSeconds(1)), true)), List.of(a.value()), List.of());
        fails(SigV4WorkedExampleTest.verifier(store, AT_TIME), SdkSigner.sign(GOOD.token(TOKEN), "ListKeys", BODY),
                KmsError.ExpiredToken).hasMessage("The security token included in the request is expired");
    }

    @Test
    void httpDateHeaderIsAcceptedInsteadOfXAmzDate() {
        SignedRequest signed = SigV4WorkedExampleTest.example();
        SignedRequest r = SdkSigner.withHeader(signed, "X-Amz-Date", null);
        r = SdkSigner.withHeader(r, "Date", "Sun, 30 Aug 2015 12:36:00 GMT");
        String canonical = "POST\n/\n\ncontent-type:application/x-amz-json-1.1\ndate:Sun, 30 Aug 2015 12:36:00 GMT\n"
                + "host:localhost:8080\nx-amz-target:TrentService.Encrypt\n\ncontent-type;date;host;x-amz-target\n"
                + Hashing.sha256Hex(r.body());
        String toSign = CanonicalRequest.stringToSign("20150830T123600Z", "20150830/us-east-1/kms/aws4_request",
                canonical);
        String sig = Hashing.hex(Hashing.hmac(SigningKeys.derive(SECRET, "20150830", "us-east-1", "kms"), toSign));
        r = SdkSigner.withHeader(r, "Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY_ID
                + "/20150830/us-east-1/kms/aws4_request, SignedHeaders=content-type;date;host;x-amz-target, "
                + "Signature=" + sig);
        assertThat(verifier.authenticate(r).principal().accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void signingKeysAreCachedPerCredentialDateAndRegion() {
        SigningKeys keys = new SigningKeys();
        Credential c = SigV4WorkedExampleTest.identities(Optional.empty()).credential(KEY_ID).orElseThrow();
        byte[] first = keys.key(c, "20150830", "us-east-1");
        assertThat(keys.key(c, "20150830", "us-east-1")).isSameAs(first);
        assertThat(keys.key(c, "20150830", "eu-west-1")).isNotEqualTo(first);
        Credential rotated = new Credential(KEY_ID, "other", c.principal(), Optional.empty(), Optional.empty(), true);
        assertThat(keys.key(rotated, "20150830", "us-east-1")).isNotEqualTo(first);
    }

    @Test
    void clockIsTheInjectedOne() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        fails(SigV4WorkedExampleTest.verifier(SigV4WorkedExampleTest.identities(Optional.empty()), later),
                SdkSigner.sign(GOOD, "ListKeys", BODY), KmsError.InvalidSignature)
                .hasMessageStartingWith("Signature expired: 20150830T123600Z");
    }
}

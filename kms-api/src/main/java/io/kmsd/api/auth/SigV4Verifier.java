package io.kmsd.api.auth;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.Region;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 as kms-api §1.5 lays it out, step by step, with the service's exact error
 * types and messages. The hot path parses nothing but the request itself: identities are a map, signing keys
 * are cached, digests and MACs are per thread, and the signatures are compared in constant time.
 */
public final class SigV4Verifier implements Authenticator {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final IdentityStore identities;
    private final ServedRegions regions;
    private final Clock clock;
    private final Duration maxSkew;
    private final boolean allowUnsignedPayload;
    private final SigningKeys signingKeys = new SigningKeys();

    public SigV4Verifier(IdentityStore identities, ServedRegions regions, Clock clock, Duration maxSkew,
                         boolean allowUnsignedPayload) {
        this.identities = identities;
        this.regions = regions;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.allowUnsignedPayload = allowUnsignedPayload;
    }

    @Override
    public Authenticated authenticate(SignedRequest request) {
        String header = authorizationHeader(request);
        AuthorizationHeader auth = AuthorizationHeader.parse(header);
        RequestTime time = RequestTime.of(request, header);
        checkScope(auth, time);
        checkSkew(time);
        Credential credential = credential(request, auth);
        checkSignedHeaders(request, auth, time);
        checkSignature(request, auth, time, credential);
        return new Authenticated(credential.principal(), new Region(auth.scopeRegion()));
    }

    /** Step 1: no header → MissingAuthenticationToken; query-string signing is not offered. */
    static String authorizationHeader(SignedRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isPresent() && !header.get().isBlank()) {
            return header.get();
        }
        if (request.rawQuery().contains("X-Amz-Signature=") || request.rawQuery().contains("X-Amz-Credential=")) {
            throw AuthorizationHeader.incomplete("Query-string (presigned) authentication is not supported by "
                    + "this service; sign the Authorization header.");
        }
        throw new KmsException(KmsError.MissingAuthenticationToken, "Missing Authentication Token");
    }

    /** Step 6: host (and x-amz-date when used) signed; every signed header present. */
    private static void checkSignedHeaders(SignedRequest request, AuthorizationHeader auth, RequestTime time) {
        if (time.fromAmzDate() && !auth.signedHeaders().contains("x-amz-date")) {
            throw AuthorizationHeader.incomplete("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : auth.signedHeaders()) {
            if (request.headerValues(name).isEmpty()) {
                throw AuthorizationHeader.incomplete("Header '" + name + "' is listed in 'SignedHeaders' but "
                        + "missing from the request.");
            }
        }
    }

    /** Step 3: scope date, Region served, service {@code kms}, terminator. */
    private void checkScope(AuthorizationHeader auth, RequestTime time) {
        if (!auth.scopeDate().equals(time.date())) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                    + "HTTP: '" + auth.scopeDate() + "' != '" + time.date() + "', from '" + time.basic() + "'.");
        }
        if (!regions.serves(auth.scopeRegion())) {
            throw invalid("Credential should be scoped to a valid region, not '" + auth.scopeRegion() + "'.");
        }
        if (!SigningKeys.SERVICE.equals(auth.scopeService())) {
            throw invalid("Credential should be scoped to correct service: 'kms'.");
        }
        if (!"aws4_request".equals(auth.scopeTerminator())) {
            throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + auth.scopeTerminator() + "'.");
        }
    }

    /** Step 4: the request time within ± maxSkew of now. */
    private void checkSkew(RequestTime time) {
        Instant now = clock.instant();
        if (time.instant().isBefore(now.minus(maxSkew))) {
            throw invalid("Signature expired: " + time.basic() + " is now earlier than "
                    + RequestTime.format(now.minus(maxSkew)) + skewWindow(now, "-"));
        }
        if (time.instant().isAfter(now.plus(maxSkew))) {
            throw invalid("Signature not yet current: " + time.basic() + " is still later than "
                    + RequestTime.format(now.plus(maxSkew)) + skewWindow(now, "+"));
        }
    }

    private String skewWindow(Instant now, String sign) {
        return " (" + RequestTime.format(now) + " " + sign + " " + maxSkew.toMinutes() + " min.)";
    }

    /** Step 5: a known, active key; for temporary keys the right, unexpired session token. */
    private Credential credential(SignedRequest request, AuthorizationHeader auth) {
        Credential c = identities.credential(auth.accessKeyId()).filter(Credential::active)
                .orElseThrow(SigV4Verifier::unrecognized);
        Optional<String> token = request.header("x-amz-security-token");
        if (!sameToken(c.sessionToken(), token)) {
            throw unrecognized();
        }
        if (c.expiration().isPresent() && !clock.instant().isBefore(c.expiration().get())) {
            throw new KmsException(KmsError.ExpiredToken, "The security token included in the request is expired");
        }
        return c;
    }

    /** Steps 7–10. */
    private void checkSignature(SignedRequest request, AuthorizationHeader auth, RequestTime time, Credential c) {
        String canonical = CanonicalRequest.of(request, auth, payloadHash(request));
        String toSign = CanonicalRequest.stringToSign(time.basic(), auth.scope(), canonical);
        byte[] key = signingKeys.key(c, auth.scopeDate(), auth.scopeRegion());
        String expected = Hashing.hex(Hashing.hmac(key, toSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation "
                    + "for details.");
        }
    }

    /** The body's SHA-256, or {@code X-Amz-Content-SHA256} if sent, which must then be that hash. */
    private String payloadHash(SignedRequest request) {
        String actual = Hashing.sha256Hex(request.body());
        Optional<String> declared = request.header("x-amz-content-sha256").map(String::strip);
        if (declared.isEmpty()) {
            return actual;
        }
        if (allowUnsignedPayload && declared.get().equals(UNSIGNED_PAYLOAD)) {
            return UNSIGNED_PAYLOAD;
        }
        if (!declared.get().equals(actual)) {
            throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return actual;
    }

    private static boolean sameToken(Optional<String> expected, Optional<String> sent) {
        if (expected.isEmpty() || sent.isEmpty()) {
            return expected.isEmpty() && sent.isEmpty();
        }
        return MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                sent.get().getBytes(StandardCharsets.UTF_8));
    }

    private static KmsException unrecognized() {
        return new KmsException(KmsError.UnrecognizedClient, "The security token included in the request is invalid.");
    }

    private static KmsException invalid(String message) {
        return new KmsException(KmsError.InvalidSignature, message);
    }
}

package io.kmsd.api.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side AWS Signature Version 4 signer for the {@code kms} service (kms-api §1.5 steps 7-9), written apart
 * from the server's verifier so that each checks the other. The derived signing key is cached for its day, so
 * signing costs two SHA-256 and one HMAC. Not thread-safe: one instance per connection thread.
 */
public final class SigV4Signer {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "kms";
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Credentials credentials;
    private final String region;
    private final MessageDigest sha256 = sha256();
    private String cachedDay;
    private Mac signingMac;

    public SigV4Signer(Credentials credentials, String region) {
        if (credentials == null || region == null || region.isBlank()) {
            throw new IllegalArgumentException("credentials and region are required");
        }
        this.credentials = credentials;
        this.region = region;
    }

    public Credentials credentials() {
        return credentials;
    }

    /**
     * The {@code Authorization} header value.
     *
     * @param signedHeaders lower-case header names to values, sorted; must hold {@code host} and {@code x-amz-date}
     * @param payloadHash   lower-case hex SHA-256 of the body ({@link #payloadHash(byte[])})
     */
    public String authorization(String method, String path, SortedMap<String, String> signedHeaders,
                                String payloadHash) {
        String amzDate = signedHeaders.get("x-amz-date");
        if (amzDate == null || amzDate.length() != 16 || !signedHeaders.containsKey("host")) {
            throw new IllegalArgumentException("host and x-amz-date must be signed");
        }
        String day = amzDate.substring(0, 8);
        String scope = scope(day, region);
        String canonicalHash = hex(sha256.digest(utf8(canonicalRequest(method, path, signedHeaders, payloadHash))));
        byte[] signature = signingMac(day).doFinal(utf8(stringToSign(amzDate, scope, canonicalHash)));
        return ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + String.join(";", signedHeaders.keySet()) + ", Signature=" + hex(signature);
    }

    /** Lower-case hex SHA-256 of a body. */
    public String payloadHash(byte[] body) {
        return hex(sha256.digest(body));
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} for an epoch second (kms-api §1.5 step 2). */
    public static String amzDate(long epochSecond) {
        return AMZ_DATE.format(Instant.ofEpochSecond(epochSecond));
    }

    /** kms-api §1.5 step 7: method, URI, query, headers, signed header names, payload hash. */
    static String canonicalRequest(String method, String path, SortedMap<String, String> headers, String payloadHash) {
        StringBuilder sb = new StringBuilder(256).append(method).append('\n').append(path).append("\n\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            sb.append(h.getKey()).append(':').append(SPACES.matcher(h.getValue().strip()).replaceAll(" ")).append('\n');
        }
        return sb.append('\n').append(String.join(";", headers.keySet())).append('\n').append(payloadHash).toString();
    }

    /** kms-api §1.5 step 8. */
    static String stringToSign(String amzDate, String scope, String canonicalRequestHash) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + canonicalRequestHash;
    }

    static String scope(String day, String region) {
        return day + "/" + region + "/" + SERVICE + "/aws4_request";
    }

    /** kms-api §1.5 step 9: kDate, kRegion, kService, kSigning, in that order. */
    static List<byte[]> keyChain(String secret, String day, String region) {
        List<byte[]> keys = new ArrayList<>(4);
        keys.add(hmac(utf8("AWS4" + secret), day));
        keys.add(hmac(keys.get(0), region));
        keys.add(hmac(keys.get(1), SERVICE));
        keys.add(hmac(keys.get(2), "aws4_request"));
        return keys;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The HMAC keyed with the day's signing key, derived once per day. */
    private Mac signingMac(String day) {
        if (!day.equals(cachedDay)) {
            signingMac = mac(keyChain(credentials.secretAccessKey(), day, region).get(3));
            cachedDay = day;
        }
        return signingMac;
    }

    private static byte[] hmac(byte[] key, String data) {
        return mac(key).doFinal(utf8(data));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

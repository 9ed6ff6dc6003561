package io.kmsd.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SigV4 signing keys (kms-api §1.5 step 9), cached per (access key, date, Region): four HMACs per request
 * become none. An entry is used only for the very credential it was derived from, so a reloaded secret is
 * never answered with a stale key. The cache is bounded; when full it starts over.
 */
public final class SigningKeys {
    static final String SERVICE = "kms";
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Credential credential, byte[] key) {
    }

    /** The signing key of {@code credential} for {@code date} ({@code yyyyMMdd}) and {@code region}. */
    public byte[] key(Credential credential, String date, String region) {
        String id = credential.accessKeyId() + '/' + date + '/' + region;
        Entry e = cache.get(id);
        if (e != null && e.credential() == credential) {
            return e.key();
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        byte[] key = derive(credential.secret(), date, region, SERVICE);
        cache.put(id, new Entry(credential, key));
        return key;
    }

    /** kDate → kRegion → kService → kSigning. */
    public static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = Hashing.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Hashing.hmac(kDate, region);
        byte[] kService = Hashing.hmac(kRegion, service);
        return Hashing.hmac(kService, "aws4_request");
    }

    int size() {
        return cache.size();
    }
}

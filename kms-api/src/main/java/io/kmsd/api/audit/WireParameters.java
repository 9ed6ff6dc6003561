package io.kmsd.api.audit;

import io.kmsd.audit.FieldKey;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.RequestParameters;
import io.kmsd.audit.ResponseElement;
import io.kmsd.audit.ResponseElements;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which wire members of a request or response become which audit field. kms-audit's two closed enums are the
 * whitelist: a member becomes the field of the same name ({@code KeyId} → {@code keyId}, {@code GrantTokens} →
 * {@code grantTokens}), plus the few members of structures listed here ({@code Tags.TagKey} → {@code tagKeys},
 * {@code KeyMetadata.Arn} → {@code keyId}). A member without a field never reaches the trail — the enums have
 * none for {@code Plaintext}, {@code CiphertextBlob}, {@code Policy}, tag values or a new grant's token — and the
 * dispatcher refuses to copy any blob in the first place.
 */
final class WireParameters {
    static final Map<String, RequestParameter> REQUEST = table(RequestParameter.values(), Map.of(
            "Tags.TagKey", RequestParameter.TAG_KEYS,
            "GrantToken", RequestParameter.GRANT_TOKENS,
            "Constraints.EncryptionContextSubset", RequestParameter.ENCRYPTION_CONTEXT_SUBSET,
            "Constraints.EncryptionContextEquals", RequestParameter.ENCRYPTION_CONTEXT_EQUALS));

    static final Map<String, ResponseElement> RESPONSE = table(ResponseElement.values(), Map.of(
            "KeyMetadata.Arn", ResponseElement.KEY_ID,
            "KeyMetadata.KeyState", ResponseElement.KEY_STATE,
            "KeyMetadata.KeySpec", ResponseElement.KEY_SPEC,
            "KeyMetadata.KeyUsage", ResponseElement.KEY_USAGE,
            "KeyMetadata.Origin", ResponseElement.ORIGIN,
            "KeyMetadata.MultiRegion", ResponseElement.MULTI_REGION,
            "KeyMetadata.CreationDate", ResponseElement.CREATION_DATE,
            "KeyMetadata.DeletionDate", ResponseElement.DELETION_DATE));

    private WireParameters() {
    }

    static RequestParameters request(Map<String, Object> members) {
        RequestParameters.Builder b = RequestParameters.builder();
        members.forEach((path, value) -> {
            RequestParameter p = REQUEST.get(path);
            if (p != null) {
                b.put(p, as(p, value));
            }
        });
        return b.build();
    }

    static ResponseElements.Builder response(Map<String, Object> members) {
        ResponseElements.Builder b = ResponseElements.builder();
        members.forEach((path, value) -> {
            ResponseElement e = RESPONSE.get(path);
            if (e != null) {
                b.put(e, as(e, value));
            }
        });
        return b;
    }

    /** The value in the shape the field takes, or null (left out) if it cannot have that shape. */
    static Object as(FieldKey key, Object v) {
        return switch (key.kind()) {
            case TEXT -> v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
            case NUMBER -> v instanceof Number n ? Long.valueOf(n.longValue()) : null;
            case FLAG -> v instanceof Boolean ? v : null;
            case LIST -> v instanceof List<?> ? v : v instanceof String s ? List.of(s) : null;
            case MAP -> v instanceof Map<?, ?> ? v : null;
            case TIME -> v instanceof Instant ? v : null;
        };
    }

    /** Each field under its wire name ({@code keyId} → {@code KeyId}), plus the extra paths. */
    private static <K extends FieldKey> Map<String, K> table(K[] fields, Map<String, K> extra) {
        Map<String, K> table = new HashMap<>(extra);
        for (K f : fields) {
            table.putIfAbsent(Character.toUpperCase(f.jsonName().charAt(0)) + f.jsonName().substring(1), f);
        }
        return Map.copyOf(table);
    }
}

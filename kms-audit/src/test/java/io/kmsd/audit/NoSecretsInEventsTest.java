package io.kmsd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 acceptance: no event can contain a plaintext, a data key or a ciphertext. The event types hold
 * no bytes and no free-form map, and the closed parameter lists have no member for any payload.
 */
class NoSecretsInEventsTest {
    /** Every KMS API member that carries a payload or a secret (kms-api.md §4), lower-cased. */
    static final List<String> PAYLOADS = List.of("plaintext", "ciphertextblob", "message", "signature", "mac",
            "publickey", "privatekeyplaintext", "privatekeyciphertextblob", "sharedsecret", "encryptedkeymaterial",
            "importtoken", "ciphertextforrecipient", "policy", "granttoken", "keystorepassword",
            "rawsecretaccesskey", "xksproxyauthenticationcredential", "trustanchorcertificate",
            "attestationdocument", "recipient", "sourceciphertextblob");

    @Test
    void noEventTypeCanHoldBytesOrAFreeFormValue() {
        Set<Class<?>> seen = new HashSet<>();
        walk(AuditEvent.class, seen);
        assertThat(seen).contains(UserIdentity.class, SessionContext.class, SessionContext.Issuer.class,
                Decision.class, Decision.Ref.class, Resource.class);
    }

    private static void walk(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            check(type.getSimpleName() + "." + c.getName(), c.getGenericType());
            walk(c.getType(), seen);
            if (c.getGenericType() instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    if (arg instanceof Class<?> k) {
                        walk(k, seen);
                    }
                }
            }
        }
    }

    private static void check(String where, Type t) {
        assertThat(t).as(where).isNotIn(byte[].class, ByteBuffer.class, Object.class, char[].class);
        if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
            assertThat(p.getActualTypeArguments()).as(where).containsOnly(String.class);
        }
        assertThat(t.getTypeName()).as(where).doesNotContain("Object", "JsonNode");
    }

    @Test
    void noValueKindIsBinary() {
        for (ValueKind k : ValueKind.values()) {
            assertThat(k.name()).isNotIn("BYTES", "BLOB", "BINARY");
        }
    }

    @Test
    void noRequestParameterOrResponseElementNamesAPayload() {
        for (FieldKey k : keys()) {
            String name = k.jsonName().toLowerCase();
            assertThat(PAYLOADS).as(k.jsonName()).doesNotContain(name);
        }
    }

    private static List<FieldKey> keys() {
        List<FieldKey> keys = new java.util.ArrayList<>(List.of(RequestParameter.values()));
        keys.addAll(List.of(ResponseElement.values()));
        return keys;
    }
}

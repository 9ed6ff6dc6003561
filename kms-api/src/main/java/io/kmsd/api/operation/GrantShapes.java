package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.wire.Violations;
import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantName;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The grant shapes of kms-api §4.0/§4.9 on the wire: model constraints, constraints, and ListGrants entries. */
final class GrantShapes {
    static final Pattern PRINCIPAL = Pattern.compile(GrantPrincipal.PATTERN);
    static final Pattern NAME = Pattern.compile(GrantName.PATTERN);

    private GrantShapes() {
    }

    /** PrincipalIdType: 1–256 of {@code [\w+=,.@:/-]}. */
    static void principal(Violations v, String path, String value, boolean required) {
        if (required) {
            v.required(path, value);
        }
        v.length(path, value, 1, GrantPrincipal.MAX_LENGTH).pattern(path, value, PRINCIPAL);
    }

    /** GrantNameType. */
    static void name(Violations v, String value) {
        v.length("name", value, 1, GrantName.MAX_LENGTH).pattern("name", value, NAME);
    }

    /** GrantIdType: 1–128 characters (the id's own shape is InvalidGrantId, kms-api §4.9). */
    static void grantId(Violations v, String value, boolean required) {
        if (required) {
            v.required("grantId", value);
        }
        v.length("grantId", value, 1, 128);
    }

    /** GrantOperationList: required, not empty (kms-api §4.9), each member of the GrantOperation enum. */
    static void operations(Violations v, List<String> operations) {
        v.required("operations", operations).size("operations", operations, 1, Integer.MAX_VALUE);
        if (operations == null) {
            return;
        }
        List<String> names = Arrays.stream(GrantOperation.values()).map(Enum::name).toList();
        for (int i = 0; i < operations.size(); i++) {
            v.required("operations." + (i + 1) + ".member", operations.get(i))
                    .oneOf("operations." + (i + 1) + ".member", operations.get(i), names);
        }
    }

    /** {@code Constraints}: at most one of the two maps (ValidationException otherwise, GrantConstraints). */
    record WireConstraints(@JsonProperty("EncryptionContextSubset") Map<String, String> encryptionContextSubset,
                           @JsonProperty("EncryptionContextEquals") Map<String, String> encryptionContextEquals) {
        static WireConstraints of(GrantConstraints c) {
            return c.type() == GrantConstraints.Type.EncryptionContextSubset
                    ? new WireConstraints(c.pairs(), null) : new WireConstraints(null, c.pairs());
        }
    }

    /** One {@code GrantListEntry} (ListGrants, ListRetirableGrants); tokens are never listed. */
    record Entry(@JsonProperty("KeyId") String keyId, @JsonProperty("GrantId") String grantId,
                 @JsonProperty("Name") String name, @JsonProperty("CreationDate") Instant creationDate,
                 @JsonProperty("GranteePrincipal") String granteePrincipal,
                 @JsonProperty("RetiringPrincipal") String retiringPrincipal,
                 @JsonProperty("IssuingAccount") String issuingAccount,
                 @JsonProperty("Operations") List<String> operations,
                 @JsonProperty("Constraints") WireConstraints constraints) {
        static Entry of(Grant g) {
            return new Entry(g.keyArn().toString(), g.grantId().value(), g.name().map(GrantName::value).orElse(null),
                    g.creationDate(), g.granteePrincipal().value(),
                    g.retiringPrincipal().map(GrantPrincipal::value).orElse(null), g.issuingAccountArn(),
                    g.operations().stream().map(Enum::name).toList(),
                    g.constraints().map(WireConstraints::of).orElse(null));
        }
    }

    /** The response of both listings. */
    record ListResponse(@JsonProperty("Grants") List<Entry> grants, @JsonProperty("NextMarker") String nextMarker,
                        @JsonProperty("Truncated") boolean truncated) {
        static ListResponse of(io.kmsd.core.Page<Grant> page) {
            return new ListResponse(page.items().stream().map(Entry::of).toList(), page.nextMarker().orElse(null),
                    page.truncated());
        }
    }
}

package io.kmsd.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmsd.audit.testing.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    static final Instant AT = Instant.parse("2025-03-01T10:00:00.123456Z");

    @Test
    void jsonUsesCloudTrailNamesInCloudTrailOrder() throws Exception {
        JsonNode json = AuditJson.mapper().readTree(AuditJson.toJson(Events.deniedDisable(1, AT)));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters",
                "responseElements", "requestID", "eventID", "readOnly", "resources", "eventType", "managementEvent",
                "recipientAccountId", "eventCategory", "decision");
        assertThat(json.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(json.get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
        assertThat(json.get("eventTime").asText()).isEqualTo("2025-03-01T10:00:00.123Z");
        assertThat(json.get("resources").get(0).get("ARN").asText()).isEqualTo(Events.KEY_ARN);
        assertThat(json.get("resources").get(0).get("type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(json.get("decision").get("outcome").asText()).isEqualTo("EXPLICIT_DENY");
        assertThat(json.get("decision").get("deciding").get(0).get("id").asText()).isEqualTo("DenyAdmin");
    }

    @Test
    void roleSessionCarriesItsSessionContext() throws Exception {
        SessionContext session = new SessionContext(new SessionContext.Issuer(null, "AROA1",
                "arn:aws:iam::111122223333:role/KeyAdmin", "111122223333", "KeyAdmin"), null);
        AuditEvent e = Events.base(1, AT).eventName("DescribeKey").decision(Decision.notEvaluated(null))
                .userIdentity(UserIdentity.assumedRole("AROA1:s", "arn:aws:sts::111122223333:assumed-role/KeyAdmin/s",
                        "111122223333", "ASIA1", session)).build();
        JsonNode ctx = AuditJson.mapper().readTree(AuditJson.toJson(e)).get("userIdentity").get("sessionContext");
        assertThat(ctx.get("sessionIssuer").get("type").asText()).isEqualTo("Role");
        assertThat(ctx.get("attributes").get("mfaAuthenticated").asText()).isEqualTo("false");
    }

    @Test
    void jsonRoundTripsToAnEqualEvent() {
        AuditEvent e = Events.builderWithEveryKind(AT);
        assertThat(AuditJson.fromJson(AuditJson.toJson(e))).isEqualTo(e);
        assertThat(AuditJson.toJson(AuditJson.fromJson(AuditJson.toJson(e)))).isEqualTo(AuditJson.toJson(e));
    }

    @Test
    void jsonIsOneLine() {
        AuditEvent e = Events.base(1, AT).eventName("Encrypt").decision(Decision.notEvaluated("bad\ninput"))
                .error("ValidationException", "line one\nline two").build();
        assertThat(AuditJson.toJson(e)).doesNotContain("\n").contains("line one\\nline two");
    }

    @Test
    void unknownMembersOfNewerRecordsAreIgnoredWhenReading() {
        String json = AuditJson.toJson(Events.encrypt(1, AT)).replace("\"requestParameters\":{",
                "\"futureField\":1,\"requestParameters\":{\"plaintext\":\"aGVsbG8=\",");
        AuditEvent back = AuditJson.fromJson(json);
        assertThat(back).isEqualTo(Events.encrypt(1, AT));
        assertThat(AuditJson.toJson(back)).doesNotContain("plaintext", "aGVsbG8=");
    }

    @Test
    void eventWithoutItsRequiredPartsIsRefused() {
        assertThatThrownBy(() -> Events.base(1, AT).decision(Decision.notEvaluated(null)).build())
                .hasMessageContaining("eventName");
        assertThatThrownBy(() -> Events.base(1, AT).eventName("Encrypt").build()).hasMessageContaining("decision");
        assertThatThrownBy(() -> Events.base(1, AT).eventName("Encrypt").requestID(null)
                .decision(Decision.notEvaluated(null)).build()).hasMessageContaining("requestID");
        assertThatThrownBy(() -> Events.base(1, null).eventName("Encrypt").decision(Decision.notEvaluated(null))
                .build()).hasMessageContaining("eventTime");
    }

    @Test
    void overlongValuesFromBadRequestsAreCutNotRefused() {
        String huge = "k".repeat(20_000);
        RequestParameters p = RequestParameters.builder().keyId(huge).encryptionContext(manyPairs(500)).build();
        assertThat(p.keyId().orElseThrow()).hasSize(ValueKind.MAX_TEXT + ValueKind.CUT_MARK.length())
                .endsWith(ValueKind.CUT_MARK);
        assertThat(p.encryptionContext()).hasSize(ValueKind.MAX_ITEMS);
        AuditEvent e = Events.base(1, AT).eventName("Encrypt").userAgent(huge).error("ValidationException", huge)
                .requestParameters(p).decision(Decision.notEvaluated(huge)).build();
        assertThat(e.userAgent()).hasSizeLessThan(1100);
        assertThat(e.decision().reason()).hasSize(Decision.MAX_REASON);
    }

    @Test
    void aParameterGivenTheWrongShapeIsAProgrammingError() {
        assertThatThrownBy(() -> RequestParameters.builder().put(RequestParameter.KEY_ID, new byte[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyId");
        assertThatThrownBy(() -> RequestParameters.builder().put(RequestParameter.NUMBER_OF_BYTES, "32"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestParameters.builder().build().text(RequestParameter.GRANT_TOKENS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionContextIsWrittenSortedAndNullsAreSkipped() {
        java.util.HashMap<String, String> ctx = new java.util.HashMap<>(Map.of("b", "2", "a", "1"));
        ctx.put("c", null);
        RequestParameters p = RequestParameters.builder().encryptionContext(ctx).keyId(null).build();
        assertThat(p.encryptionContext()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(p.keyId()).isEmpty();
    }

    @Test
    void sameAccountCallIsOneRecordForTheCallersAccount() {
        List<AuditEvent> copies = CrossAccountCopies.of(Events.encrypt(1, AT));
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).recipientAccountId()).isEqualTo(Events.ACCOUNT);
        assertThat(copies.get(0).sharedEventID()).isNull();
    }

    @Test
    void crossAccountCallGivesTheKeyOwnerItsOwnLinkedRecord() {
        AuditEvent e = Events.base(1, AT).eventName("Encrypt").recipientAccountId(null)
                .resources(List.of(Resource.key("arn:aws:kms:us-east-1:444455556666:key/k", "444455556666")))
                .decision(Decision.notEvaluated(null)).build();
        List<AuditEvent> copies = CrossAccountCopies.of(e);
        assertThat(copies).extracting(AuditEvent::recipientAccountId).containsExactly(Events.ACCOUNT, "444455556666");
        assertThat(copies.get(0).eventID()).isEqualTo(e.eventID());
        assertThat(copies.get(1).eventID()).isNotEqualTo(e.eventID());
        assertThat(copies.get(0).sharedEventID()).isNotNull().isEqualTo(copies.get(1).sharedEventID());
        assertThat(CrossAccountCopies.of(e)).isEqualTo(copies);
    }

    private static Map<String, String> manyPairs(int n) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("k" + i, "v" + i);
        }
        return m;
    }
}

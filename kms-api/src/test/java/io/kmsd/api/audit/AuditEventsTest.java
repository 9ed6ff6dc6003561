package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.auth.PrincipalType;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.protocol.CallRecord;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.ResponseElement;
import io.kmsd.audit.Resource;
import io.kmsd.audit.UserIdentity;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building one event from a {@link CallRecord}: identities, parameters, state changes, resources, decisions. */
class AuditEventsTest {
    static final AccountId A = new AccountId("111122223333");
    static final KeyArn KEY = KeyArn.parse("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
            .orElseThrow();
    static final KeyArn FOREIGN = KeyArn.parse(
            "arn:aws:kms:us-east-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321").orElseThrow();
    static final Principal USER = new Principal(A, "arn:aws:iam::111122223333:user/ops/carol", PrincipalType.User,
            Optional.empty(), Map.of(), "AKIACAROL", List.of());
    static final Principal SESSION = new Principal(A, "arn:aws:sts::111122223333:assumed-role/KeyAdmin/s1",
            PrincipalType.AssumedRole, Optional.of("arn:aws:iam::111122223333:role/KeyAdmin"), Map.of(), "ASIAS1",
            List.of());
    static final AuditEvents EVENTS = new AuditEvents(key -> Optional.of(KeyState.Disabled));

    static CallRecord record(String op, Optional<Principal> who, List<KeyArn> keys, Map<KeyArn, KeyState> before,
                             List<AuthzDecision> decisions, Map<String, Object> request, Map<String, Object> response,
                             KmsError error) {
        return new CallRecord("rid", op, Instant.parse("2025-06-01T12:00:00.123456Z"), who,
                who.map(p -> new Region("eu-west-1")), new Call.ClientInfo(Optional.of("10.0.0.9"),
                Optional.of("agent/1"), true), Optional.empty(), keys, before, decisions, request, response,
                Optional.ofNullable(error), error == null ? "" : "it failed");
    }

    static CallRecord simple(String op, Principal who) {
        return record(op, Optional.of(who), List.of(), Map.of(), List.of(), Map.of(), Map.of(), null);
    }

    @Test
    void anIamUserIsNamedByArnAccountKeyAndName() {
        UserIdentity id = EVENTS.of(simple("ListKeys", USER)).userIdentity();
        assertThat(id).isEqualTo(UserIdentity.iamUser(null, USER.arn(), "111122223333", "AKIACAROL", "carol"));
    }

    @Test
    void aRoleSessionNamesItsRoleAsSessionIssuer() {
        UserIdentity id = EVENTS.of(simple("ListKeys", SESSION)).userIdentity();
        assertThat(id.type()).isEqualTo("AssumedRole");
        assertThat(id.arn()).isEqualTo(SESSION.arn());
        assertThat(id.sessionContext().sessionIssuer().arn()).isEqualTo("arn:aws:iam::111122223333:role/KeyAdmin");
        assertThat(id.sessionContext().sessionIssuer().userName()).isEqualTo("KeyAdmin");
    }

    @Test
    void theRootUserIsRoot() {
        UserIdentity id = EVENTS.of(simple("ListKeys", Principal.root(A, "AKIAROOT"))).userIdentity();
        assertThat(id).isEqualTo(UserIdentity.root("arn:aws:iam::111122223333:root", "111122223333", "AKIAROOT"));
    }

    @Test
    void theCommonFieldsComeFromTheRecord() {
        var e = EVENTS.of(simple("ListKeys", USER));
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2025-06-01T12:00:00.123Z"));
        assertThat(e.awsRegion()).isEqualTo("eu-west-1");
        assertThat(e.sourceIPAddress()).isEqualTo("10.0.0.9");
        assertThat(e.userAgent()).isEqualTo("agent/1");
        assertThat(e.requestID()).isEqualTo("rid");
        assertThat(e.eventID()).hasSize(36).isNotEqualTo("rid");
        assertThat(e.readOnly()).isTrue();
        assertThat(e.recipientAccountId()).isEqualTo("111122223333");
        assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NOT_EVALUATED);
    }

    @Test
    void onlyMembersWithAnAuditFieldBecomeParameters() {
        Map<String, Object> members = Map.of("KeyId", "alias/x", "Plaintext", "c2VjcmV0", "CiphertextBlob", "AQID",
                "Policy", "{\"Statement\": []}", "NumberOfBytes", 32, "Tags.TagKey", List.of("a"),
                "GrantToken", "tok", "Marker", "m");
        var params = EVENTS.of(record("Encrypt", Optional.of(USER), List.of(), Map.of(), List.of(), members, Map.of(),
                null)).requestParameters();
        assertThat(params.asMap()).containsOnlyKeys(RequestParameter.KEY_ID, RequestParameter.NUMBER_OF_BYTES,
                RequestParameter.TAG_KEYS, RequestParameter.GRANT_TOKENS);
        assertThat(params.number(RequestParameter.NUMBER_OF_BYTES)).contains(32L);
        assertThat(params.grantTokens()).containsExactly("tok");
    }

    @Test
    void noTableEntryNamesAPayloadMember() {
        List<String> payloads = List.of("Plaintext", "CiphertextBlob", "Policy", "Message", "Signature", "Mac",
                "PublicKey", "PrivateKeyPlaintext", "PrivateKeyCiphertextBlob", "EncryptedKeyMaterial", "ImportToken",
                "SharedSecret", "CiphertextForRecipient", "Recipient", "Tags.TagValue", "Tags");
        assertThat(WireParameters.REQUEST.keySet()).doesNotContainAnyElementsOf(payloads);
        assertThat(WireParameters.RESPONSE.keySet()).doesNotContainAnyElementsOf(payloads).doesNotContain("GrantToken");
        assertThat(new AuditTrail(null, EVENTS).requestMembers()).isEqualTo(WireParameters.REQUEST.keySet());
    }

    @Test
    void aMemberOfTheWrongShapeIsLeftOut() {
        var params = EVENTS.of(record("Encrypt", Optional.of(USER), List.of(), Map.of(), List.of(),
                Map.of("NumberOfBytes", "many", "DryRun", "yes", "EncryptionContext", List.of("x")), Map.of(),
                null)).requestParameters();
        assertThat(params.isEmpty()).isTrue();
    }

    @Test
    void aStateChangeHasTheStateBeforeAndTheStateReadAfter() {
        var e = EVENTS.of(record("DisableKey", Optional.of(USER), List.of(KEY), Map.of(KEY, KeyState.Enabled),
                List.of(AuthzDecision.allow("ok")), Map.of("KeyId", KEY.toString()), Map.of(), null));
        assertThat(e.responseElements().text(ResponseElement.PREVIOUS_KEY_STATE)).contains("Enabled");
        assertThat(e.responseElements().text(ResponseElement.KEY_STATE)).contains("Disabled");
        assertThat(e.readOnly()).isFalse();
    }

    @Test
    void aStateReadThatFailsLeavesTheNewStateOut() {
        AuditEvents failing = new AuditEvents(key -> {
            throw new IllegalStateException("database down");
        });
        var e = failing.of(record("EnableKey", Optional.of(USER), List.of(KEY), Map.of(KEY, KeyState.Disabled),
                List.of(), Map.of(), Map.of(), null));
        assertThat(e.responseElements().text(ResponseElement.PREVIOUS_KEY_STATE)).contains("Disabled");
        assertThat(e.responseElements().text(ResponseElement.KEY_STATE)).isEmpty();
    }

    @Test
    void aFailedStateChangeRecordsNoChange() {
        var e = EVENTS.of(record("DisableKey", Optional.of(USER), List.of(KEY), Map.of(KEY, KeyState.PendingDeletion),
                List.of(AuthzDecision.allow("ok")), Map.of(), Map.of(), KmsError.KMSInvalidState));
        assertThat(e.responseElements().isEmpty()).isTrue();
        assertThat(e.errorCode()).isEqualTo("KMSInvalidStateException");
        assertThat(e.errorMessage()).isEqualTo("it failed");
    }

    @Test
    void everyTouchedKeyIsAResourceOfItsOwnAccount() {
        var e = EVENTS.of(record("ReEncrypt", Optional.of(USER), List.of(KEY, FOREIGN), Map.of(), List.of(),
                Map.of(), Map.of("KeyId", FOREIGN.toString()), null));
        assertThat(e.resources()).containsExactly(Resource.key(KEY.toString(), "111122223333"),
                Resource.key(FOREIGN.toString(), "444455556666"));
    }

    @Test
    void theKeyAResponseNamesIsAResourceToo() { // CreateKey touches no key before it exists
        var e = EVENTS.of(record("CreateKey", Optional.of(USER), List.of(), Map.of(), List.of(), Map.of(),
                Map.of("KeyMetadata.Arn", KEY.toString(), "KeyMetadata.KeyState", "Enabled"), null));
        assertThat(e.resources()).containsExactly(Resource.key(KEY.toString(), "111122223333"));
        assertThat(e.responseElements().keyId()).contains(KEY.toString());
    }

    @Test
    void anUnauthenticatedRequestNamesTheKeyAndRegionItClaimed() {
        CallRecord r = new CallRecord("rid", "Encrypt", Instant.EPOCH, Optional.empty(), Optional.empty(),
                Call.ClientInfo.UNKNOWN, Optional.of(new CallRecord.Claimed("AKIAWHO", "ap-south-1")), List.of(),
                Map.of(), List.of(), Map.of(), Map.of(), Optional.of(KmsError.UnrecognizedClient), "no such key");
        var e = EVENTS.of(r);
        assertThat(e.userIdentity()).isEqualTo(UserIdentity.unknown("AKIAWHO"));
        assertThat(e.awsRegion()).isEqualTo("ap-south-1");
        assertThat(e.recipientAccountId()).isNull();
        assertThat(e.decision().reason()).isEqualTo("ended with UnrecognizedClientException before authorization");
    }

    @Test
    void aClaimedRegionThatIsNoRegionIsNotBelieved() {
        CallRecord r = new CallRecord("rid", "Encrypt", Instant.EPOCH, Optional.empty(), Optional.empty(),
                Call.ClientInfo.UNKNOWN, Optional.of(new CallRecord.Claimed("AKIAWHO", "<script>")), List.of(),
                Map.of(), List.of(), Map.of(), Map.of(), Optional.of(KmsError.IncompleteSignature), "");
        assertThat(EVENTS.of(r).awsRegion()).isEqualTo(AuditEvents.UNKNOWN_REGION);
        assertThat(EVENTS.of(r).errorMessage()).isNull();
    }
}

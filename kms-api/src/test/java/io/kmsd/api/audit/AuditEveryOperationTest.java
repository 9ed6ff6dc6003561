package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.TestIdentities;
import io.kmsd.api.TestServer;
import io.kmsd.api.protocol.OperationTable;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.ResponseElement;
import io.kmsd.audit.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkBytes;
import io.kmsd.api.ImportWrapping;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Issue 5 acceptance: every operation of the server, called once through the real AWS SDK, writes exactly one
 * audit event — found by the {@code x-amzn-RequestId} the client got — with CloudTrail's fields: who, the
 * operation, the Region, where from, the request parameters, the response elements (key ids, key state changes)
 * and the decision.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditEveryOperationTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app();
    static final String ALICE_ARN = "arn:aws:iam::" + TestIdentities.ACCOUNT_A + ":user/payments/alice";
    static final Map<String, String> CONTEXT = Map.of("purpose", "audit-test", "order", "42");
    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}]}
            """.formatted(TestIdentities.ACCOUNT_A);

    static final String GINA = "arn:aws:iam::" + TestIdentities.ACCOUNT_A + ":user/gina";
    static final String RITA = "arn:aws:iam::" + TestIdentities.ACCOUNT_A + ":user/rita";

    /** Operation name → the request id of its one call, in call order. */
    static final Map<String, String> CALLS = new LinkedHashMap<>();
    /** The callers other than alice, by operation. */
    static final Map<String, String> CALLERS = Map.of("RetireGrant", RITA);
    static String keyArn;
    static String otherArn;
    static String alias;
    static String grantId;
    static String grantToken;
    static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("a message the trail must not hold");
    /** Payloads of the asymmetric calls (kms-api §4.5, §4.6), which no event may hold. */
    static final Map<String, SdkBytes> PAYLOADS = new LinkedHashMap<>();

    @BeforeAll
    static void callEveryOperation() {
        try (KmsClient kms = TestServer.client(APP, TestServer.alice())) {
            keyArn = call("CreateKey", () -> kms.createKey(r -> r.description("audited").tags(
                    Tag.builder().tagKey("team").tagValue("payments-secret-tag-value").build())),
                    r -> r.keyMetadata().arn());
            otherArn = kms.createKey(r -> r.description("other")).keyMetadata().arn();
            alias = "alias/audit-" + UUID.randomUUID();
            keyAndAliasOperations(kms);
            grantOperations(kms);
            cryptoOperations(kms);
            asymmetricOperations(kms);
            lifecycleOperations(kms);
            rotationOperations(kms);
            importOperations(kms);
            call("DeleteAlias", () -> kms.deleteAlias(r -> r.aliasName(alias)), r -> "");
        }
        retireGrant();
    }

    private static void keyAndAliasOperations(KmsClient kms) {
        call("DescribeKey", () -> kms.describeKey(r -> r.keyId(keyArn)), r -> "");
        call("ListKeys", () -> kms.listKeys(r -> r.limit(10)), r -> "");
        call("UpdateKeyDescription", () -> kms.updateKeyDescription(r -> r.keyId(keyArn).description("d2")), r -> "");
        call("CreateAlias", () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyArn)), r -> "");
        call("UpdateAlias", () -> kms.updateAlias(r -> r.aliasName(alias).targetKeyId(keyArn)), r -> "");
        call("ListAliases", () -> kms.listAliases(r -> r.keyId(keyArn)), r -> "");
        call("TagResource", () -> kms.tagResource(r -> r.keyId(keyArn).tags(
                Tag.builder().tagKey("env").tagValue("prod-secret-tag-value").build())), r -> "");
        call("UntagResource", () -> kms.untagResource(r -> r.keyId(keyArn).tagKeys("env")), r -> "");
        call("ListResourceTags", () -> kms.listResourceTags(r -> r.keyId(keyArn)), r -> "");
        call("GetKeyPolicy", () -> kms.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")), r -> "");
        call("PutKeyPolicy", () -> kms.putKeyPolicy(r -> r.keyId(keyArn).policyName("default").policy(POLICY)),
                r -> "");
        call("ListKeyPolicies", () -> kms.listKeyPolicies(r -> r.keyId(keyArn)), r -> "");
    }

    private static void grantOperations(KmsClient kms) {
        grantId = call("CreateGrant", () -> kms.createGrant(r -> r.keyId(keyArn).granteePrincipal(GINA)
                .retiringPrincipal(RITA).operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT).name("audit-grant")
                .constraints(c -> c.encryptionContextSubset(Map.of("purpose", "audit-test")))), r -> {
                    grantToken = r.grantToken();
                    return r.grantId();
                });
        call("ListGrants", () -> kms.listGrants(r -> r.keyId(keyArn)), r -> "");
        call("ListRetirableGrants", () -> kms.listRetirableGrants(r -> r.retiringPrincipal(RITA)), r -> "");
        String second = kms.createGrant(r -> r.keyId(keyArn).granteePrincipal(GINA)
                .operations(GrantOperation.DESCRIBE_KEY)).grantId();
        call("RevokeGrant", () -> kms.revokeGrant(r -> r.keyId(keyArn).grantId(second)), r -> "");
    }

    private static void retireGrant() {
        try (KmsClient rita = TestServer.client(APP, AwsBasicCredentials.create(TestIdentities.keyOf("rita"),
                TestIdentities.secretOf("rita")))) {
            call("RetireGrant", () -> rita.retireGrant(r -> r.keyId(keyArn).grantId(grantId)), r -> "");
        }
    }

    private static void cryptoOperations(KmsClient kms) {
        SdkBytes blob = kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(CONTEXT)).ciphertextBlob();
        call("Encrypt", () -> kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromUtf8String("hello"))
                .encryptionContext(CONTEXT).encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .grantTokens(grantToken)), r -> "");
        call("Decrypt", () -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(CONTEXT)), r -> "");
        call("ReEncrypt", () -> kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(CONTEXT)
                .destinationKeyId(otherArn)), r -> "");
        call("GenerateDataKey", () -> kms.generateDataKey(r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT)), r -> "");
        call("GenerateDataKeyWithoutPlaintext", () -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyArn)
                .numberOfBytes(16)), r -> "");
        call("GenerateRandom", () -> kms.generateRandom(r -> r.numberOfBytes(24)), r -> "");
    }

    /** Issue 7: one call of each asymmetric, HMAC and key-agreement operation, keeping their payloads. */
    private static void asymmetricOperations(KmsClient kms) {
        String signing = kms.createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().arn();
        String hmac = kms.createKey(r -> r.keySpec("HMAC_256").keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata().arn();
        String agreement = kms.createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage(KeyUsageType.KEY_AGREEMENT))
                .keyMetadata().arn();
        PAYLOADS.put("signature", call("Sign", () -> kms.sign(r -> r.keyId(signing).message(MESSAGE)
                .messageType("RAW").signingAlgorithm("ECDSA_SHA_256")), r -> r.signature()));
        call("Verify", () -> kms.verify(r -> r.keyId(signing).message(MESSAGE).signature(PAYLOADS.get("signature"))
                .signingAlgorithm("ECDSA_SHA_256")), r -> "");
        PAYLOADS.put("publicKey", call("GetPublicKey", () -> kms.getPublicKey(r -> r.keyId(agreement)),
                r -> r.publicKey()));
        PAYLOADS.put("mac", call("GenerateMac", () -> kms.generateMac(r -> r.keyId(hmac).message(MESSAGE)
                .macAlgorithm("HMAC_SHA_256")), r -> r.mac()));
        call("VerifyMac", () -> kms.verifyMac(r -> r.keyId(hmac).message(MESSAGE).mac(PAYLOADS.get("mac"))
                .macAlgorithm("HMAC_SHA_256")), r -> "");
        PAYLOADS.put("sharedSecret", call("DeriveSharedSecret", () -> kms.deriveSharedSecret(r -> r.keyId(agreement)
                .keyAgreementAlgorithm("ECDH").publicKey(PAYLOADS.get("publicKey"))), r -> r.sharedSecret()));
        call("GenerateDataKeyPair", () -> kms.generateDataKeyPair(r -> r.keyId(keyArn).keyPairSpec("ECC_NIST_P384")
                .encryptionContext(CONTEXT)), r -> {
                    PAYLOADS.put("privateKey", r.privateKeyPlaintext());
                    PAYLOADS.put("pairPublicKey", r.publicKey());
                    return PAYLOADS.put("privateKeyCiphertext", r.privateKeyCiphertextBlob());
                });
        PAYLOADS.put("bareCiphertext", call("GenerateDataKeyPairWithoutPlaintext", () -> kms
                .generateDataKeyPairWithoutPlaintext(r -> r.keyId(keyArn).keyPairSpec("RSA_2048")),
                r -> r.privateKeyCiphertextBlob()));
        PAYLOADS.put("message", MESSAGE);
    }

    private static void lifecycleOperations(KmsClient kms) {
        call("DisableKey", () -> kms.disableKey(r -> r.keyId(otherArn)), r -> "");
        call("EnableKey", () -> kms.enableKey(r -> r.keyId(otherArn)), r -> "");
        kms.disableKey(r -> r.keyId(otherArn));
        call("ScheduleKeyDeletion", () -> kms.scheduleKeyDeletion(r -> r.keyId(otherArn).pendingWindowInDays(7)),
                r -> "");
        call("CancelKeyDeletion", () -> kms.cancelKeyDeletion(r -> r.keyId(otherArn)), r -> "");
    }

    private static void rotationOperations(KmsClient kms) {
        call("EnableKeyRotation", () -> kms.enableKeyRotation(r -> r.keyId(keyArn).rotationPeriodInDays(90)),
                r -> "");
        call("GetKeyRotationStatus", () -> kms.getKeyRotationStatus(r -> r.keyId(keyArn)), r -> "");
        call("RotateKeyOnDemand", () -> kms.rotateKeyOnDemand(r -> r.keyId(keyArn)), r -> "");
        call("ListKeyRotations", () -> kms.listKeyRotations(r -> r.keyId(keyArn)), r -> "");
        call("DisableKeyRotation", () -> kms.disableKeyRotation(r -> r.keyId(keyArn)), r -> "");
    }

    private static void importOperations(KmsClient kms) {
        String external = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().arn();
        GetParametersForImportResponse p = call("GetParametersForImport", () -> kms.getParametersForImport(r -> r
                .keyId(external).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048)), r -> r);
        SdkBytes wrapped = SdkBytes.fromByteArray(ImportWrapping.wrapUnchecked(p.publicKey().asByteArray(),
                AlgorithmSpec.RSAES_OAEP_SHA_256, ImportWrapping.randomBytes(32)));
        call("ImportKeyMaterial", () -> kms.importKeyMaterial(r -> r.keyId(external).importToken(p.importToken())
                .encryptedKeyMaterial(wrapped).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)),
                r -> "");
        call("DeleteImportedKeyMaterial", () -> kms.deleteImportedKeyMaterial(r -> r.keyId(external)), r -> "");
    }

    private static <R extends AwsResponse, T> T call(String operation, java.util.function.Supplier<R> request,
                                                     Function<R, T> result) {
        R response = request.get();
        CALLS.put(operation, response.responseMetadata().requestId());
        return result.apply(response);
    }

    static AuditEvent event(String operation) {
        return Trail.of(APP).one(CALLS.get(operation));
    }

    @AfterAll
    static void forget() {
        CALLS.clear();
        PAYLOADS.clear();
    }

    @Test
    void everyImplementedOperationWasCalled() {
        assertThat(CALLS.keySet()).containsExactlyInAnyOrderElementsOf(
                io.kmsd.api.operation.Handlers.all(null).stream().map(h -> h.name())
                        .filter(n -> !OperationTable.EXTENSION_OPERATIONS.contains(n)).toList()); // no SDK call for
        // ExplainAccess, our own operation: ExplainAgreementTest checks its audit events
        assertThat(OperationTable.MODEL_OPERATIONS).containsAll(CALLS.keySet());
    }

    @Test
    void eachOperationWritesExactlyOneEventWithTheCommonFields() {
        CALLS.forEach((operation, requestId) -> {
            AuditEvent e = Trail.of(APP).one(requestId);
            assertThat(e.eventName()).isEqualTo(operation);
            assertThat(e.eventSource()).isEqualTo("kms.amazonaws.com");
            assertThat(e.eventVersion()).isEqualTo("1.08");
            assertThat(e.userIdentity().type()).isEqualTo("IAMUser");
            assertThat(e.userIdentity().arn()).isEqualTo(CALLERS.getOrDefault(operation, ALICE_ARN));
            assertThat(e.userIdentity().accountId()).isEqualTo(TestIdentities.ACCOUNT_A);
            assertThat(e.awsRegion()).isEqualTo("us-east-1");
            assertThat(e.sourceIPAddress()).isEqualTo("127.0.0.1");
            assertThat(e.userAgent()).contains("aws-sdk-java");
            assertThat(e.errorCode()).as(operation).isNull();
            assertThat(e.recipientAccountId()).isEqualTo(TestIdentities.ACCOUNT_A);
            assertThat(e.decision().outcome()).as(operation).isEqualTo(Decision.Outcome.ALLOW);
            assertThat(e.decision().deciding()).as("%s: the deciding statements", operation).isNotEmpty();
            assertThat(e.readOnly()).as(operation).isEqualTo(!Operations.MUTATING.contains(operation));
            assertThat(e.eventID()).isNotEqualTo(e.requestID());
        });
    }

    @Test
    void createKeyNamesTheNewKeyItsStateAndTagKeysButNoTagValues() {
        AuditEvent e = event("CreateKey");
        assertThat(e.resources()).containsExactly(Resource.key(keyArn, TestIdentities.ACCOUNT_A));
        assertThat(e.responseElements().keyId()).contains(keyArn);
        assertThat(e.responseElements().text(ResponseElement.KEY_STATE)).contains("Enabled");
        assertThat(e.responseElements().text(ResponseElement.KEY_SPEC)).contains("SYMMETRIC_DEFAULT");
        assertThat(e.requestParameters().text(RequestParameter.DESCRIPTION)).contains("audited");
        assertThat(e.requestParameters().list(RequestParameter.TAG_KEYS)).containsExactly("team");
        assertThat(io.kmsd.audit.AuditJson.toJson(e)).doesNotContain("payments-secret-tag-value");
    }

    @Test
    void aliceIsNamedWithHerKeyAndName() {
        AuditEvent e = event("Encrypt");
        assertThat(e.userIdentity().accessKeyId()).isEqualTo(TestIdentities.ALICE_KEY);
        assertThat(e.userIdentity().userName()).isEqualTo("alice");
    }

    @Test
    void grantOperationsNameTheGrantButNeverItsToken() {
        AuditEvent created = event("CreateGrant");
        assertThat(created.requestParameters().text(RequestParameter.GRANTEE_PRINCIPAL)).contains(GINA);
        assertThat(created.requestParameters().text(RequestParameter.RETIRING_PRINCIPAL)).contains(RITA);
        assertThat(created.requestParameters().list(RequestParameter.OPERATIONS)).containsExactly("Encrypt", "Decrypt");
        assertThat(created.requestParameters().text(RequestParameter.GRANT_NAME)).contains("audit-grant");
        assertThat(created.requestParameters().map(RequestParameter.ENCRYPTION_CONTEXT_SUBSET))
                .isEqualTo(Map.of("purpose", "audit-test"));
        assertThat(created.responseElements().text(ResponseElement.GRANT_ID)).contains(grantId);
        assertThat(io.kmsd.audit.AuditJson.toJson(created)).doesNotContain(grantToken);
        assertThat(event("RetireGrant").requestParameters().text(RequestParameter.GRANT_ID)).contains(grantId);
        assertThat(event("RetireGrant").resources()).extracting(Resource::arn).containsExactly(keyArn);
        assertThat(event("ListRetirableGrants").requestParameters().text(RequestParameter.RETIRING_PRINCIPAL))
                .contains(RITA);
    }

    @Test
    void encryptCarriesKeyContextAlgorithmAndGrantTokens() {
        AuditEvent e = event("Encrypt");
        assertThat(e.requestParameters().keyId()).contains(alias);
        assertThat(e.requestParameters().encryptionContext()).isEqualTo(CONTEXT);
        assertThat(e.requestParameters().text(RequestParameter.ENCRYPTION_ALGORITHM)).contains("SYMMETRIC_DEFAULT");
        assertThat(e.requestParameters().grantTokens()).containsExactly(grantToken);
        assertThat(e.responseElements().keyId()).contains(keyArn);
        assertThat(e.resources()).containsExactly(Resource.key(keyArn, TestIdentities.ACCOUNT_A));
        assertThat(e.readOnly()).isTrue();
    }

    @Test
    void reEncryptNamesBothKeys() {
        AuditEvent e = event("ReEncrypt");
        assertThat(e.resources()).extracting(Resource::arn).containsExactly(keyArn, otherArn);
        assertThat(e.requestParameters().text(RequestParameter.DESTINATION_KEY_ID)).contains(otherArn);
        assertThat(e.requestParameters().map(RequestParameter.SOURCE_ENCRYPTION_CONTEXT)).isEqualTo(CONTEXT);
        assertThat(e.responseElements().text(ResponseElement.SOURCE_KEY_ID)).contains(keyArn);
        assertThat(e.responseElements().keyId()).contains(otherArn);
    }

    @Test
    void dataKeyAndRandomRequestsCarryTheirSizes() {
        assertThat(event("GenerateDataKey").requestParameters().text(RequestParameter.KEY_SPEC)).contains("AES_256");
        assertThat(event("GenerateDataKey").requestParameters().encryptionContext()).isEqualTo(CONTEXT);
        assertThat(event("GenerateDataKeyWithoutPlaintext").requestParameters()
                .number(RequestParameter.NUMBER_OF_BYTES)).contains(16L);
        assertThat(event("GenerateRandom").requestParameters().number(RequestParameter.NUMBER_OF_BYTES)).contains(24L);
        assertThat(event("GenerateRandom").resources()).isEmpty();
    }

    @Test
    void signingAndMacEventsCarryKeyAndAlgorithmsButNoPayload() { // issue 7
        AuditEvent sign = event("Sign");
        assertThat(sign.requestParameters().text(RequestParameter.SIGNING_ALGORITHM)).contains("ECDSA_SHA_256");
        assertThat(sign.requestParameters().text(RequestParameter.MESSAGE_TYPE)).contains("RAW");
        assertThat(sign.requestParameters().keyId()).isPresent();
        assertThat(sign.responseElements().text(ResponseElement.SIGNING_ALGORITHM)).contains("ECDSA_SHA_256");
        assertThat(sign.resources()).hasSize(1);
        assertThat(event("Verify").responseElements().flag(ResponseElement.SIGNATURE_VALID)).contains(true);
        assertThat(event("GenerateMac").requestParameters().text(RequestParameter.MAC_ALGORITHM))
                .contains("HMAC_SHA_256");
        assertThat(event("VerifyMac").responseElements().flag(ResponseElement.MAC_VALID)).contains(true);
        assertThat(event("DeriveSharedSecret").requestParameters().text(RequestParameter.KEY_AGREEMENT_ALGORITHM))
                .contains("ECDH");
        assertThat(event("GetPublicKey").responseElements().keyId()).isPresent();
        assertNoPayloadIn("Sign", "Verify", "GetPublicKey", "GenerateMac", "VerifyMac", "DeriveSharedSecret");
    }

    @Test
    void dataKeyPairEventsCarryTheSpecAndContextButNoKey() { // issue 7
        AuditEvent pair = event("GenerateDataKeyPair");
        assertThat(pair.requestParameters().text(RequestParameter.KEY_PAIR_SPEC)).contains("ECC_NIST_P384");
        assertThat(pair.requestParameters().encryptionContext()).isEqualTo(CONTEXT);
        assertThat(pair.responseElements().text(ResponseElement.KEY_PAIR_SPEC)).contains("ECC_NIST_P384");
        assertThat(pair.responseElements().keyId()).contains(keyArn);
        assertThat(event("GenerateDataKeyPairWithoutPlaintext").requestParameters()
                .text(RequestParameter.KEY_PAIR_SPEC)).contains("RSA_2048");
        assertNoPayloadIn("GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext");
    }

    private static void assertNoPayloadIn(String... operations) {
        for (String operation : operations) {
            String json = io.kmsd.audit.AuditJson.toJson(event(operation));
            PAYLOADS.forEach((name, bytes) -> assertThat(json).as("%s holds the %s", operation, name)
                    .doesNotContain(bytes.asString(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()))
                    .doesNotContain(java.util.HexFormat.of().formatHex(bytes.asByteArray())));
        }
    }

    @Test
    void keyStateChangesCarryTheStateBeforeAndAfter() {
        assertStateChange("DisableKey", "Enabled", "Disabled");
        assertStateChange("EnableKey", "Disabled", "Enabled");
        assertStateChange("ScheduleKeyDeletion", "Disabled", "PendingDeletion");
        assertStateChange("CancelKeyDeletion", "PendingDeletion", "Disabled");
        AuditEvent scheduled = event("ScheduleKeyDeletion");
        assertThat(scheduled.requestParameters().number(RequestParameter.PENDING_WINDOW_IN_DAYS)).contains(7L);
        assertThat(scheduled.responseElements().time(ResponseElement.DELETION_DATE)).isPresent();
    }

    private static void assertStateChange(String operation, String before, String after) {
        AuditEvent e = event(operation);
        assertThat(e.responseElements().text(ResponseElement.PREVIOUS_KEY_STATE)).as(operation).contains(before);
        assertThat(e.responseElements().text(ResponseElement.KEY_STATE)).as(operation).contains(after);
        assertThat(e.resources()).extracting(Resource::arn).containsExactly(otherArn);
        assertThat(e.readOnly()).isFalse();
    }

    @Test
    void aliasOperationsNameTheAliasAndTheTargetKey() {
        AuditEvent created = event("CreateAlias");
        assertThat(created.requestParameters().text(RequestParameter.ALIAS_NAME)).contains(alias);
        assertThat(created.requestParameters().text(RequestParameter.TARGET_KEY_ID)).contains(keyArn);
        assertThat(created.resources()).extracting(Resource::arn).containsExactly(keyArn);
        assertThat(event("DeleteAlias").requestParameters().text(RequestParameter.ALIAS_NAME)).contains(alias);
    }

    @Test
    void policyTextAndTagValuesStayOutOfTheTrail() {
        AuditEvent put = event("PutKeyPolicy");
        assertThat(put.requestParameters().text(RequestParameter.POLICY_NAME)).contains("default");
        String json = io.kmsd.audit.AuditJson.toJson(put);
        assertThat(json).as("a Sid may name the deciding statement; the document stays out")
                .doesNotContain("2012-10-17").doesNotContain("Statement").doesNotContain("Effect");
        assertThat(event("TagResource").requestParameters().list(RequestParameter.TAG_KEYS)).containsExactly("env");
        assertThat(io.kmsd.audit.AuditJson.toJson(event("TagResource"))).doesNotContain("prod-secret-tag-value");
        assertThat(event("UntagResource").requestParameters().list(RequestParameter.TAG_KEYS)).containsExactly("env");
    }

    @Test
    void theTrailVerifies() {
        var result = io.kmsd.audit.verify.AuditVerifier.verify(Trail.of(APP).dir());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.records()).isGreaterThanOrEqualTo(List.copyOf(CALLS.values()).size());
    }
}

package io.kmsd.api.cli.audit;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameters;
import io.kmsd.audit.Resource;
import io.kmsd.audit.ResponseElements;
import io.kmsd.audit.UserIdentity;
import io.kmsd.audit.sink.AuditSinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A three-event trail written by the real sink at a fixed time, so the commands' output is exact: alice's Encrypt,
 * alice's DisableKey denied by an explicit deny, bob's Decrypt; and ways to damage it.
 */
final class SmallTrail {
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BOB = "arn:aws:iam::444455556666:user/bob";

    private SmallTrail() {
    }

    /** Writes the trail into {@code dataDir/audit} (signing key in {@code dataDir}); returns the audit directory. */
    static Path write(Path dataDir) throws IOException {
        try (AuditSink sink = AuditSinks.open(dataDir, AuditConfig.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            sink.record(base(1, ALICE, "111122223333").eventName("Encrypt")
                    .requestParameters(RequestParameters.builder().keyId("alias/app")
                            .encryptionContext(Map.of("order", "7")).build())
                    .responseElements(ResponseElements.builder().keyId(KEY).build())
                    .decision(new Decision(Decision.Outcome.ALLOW, List.of(new Decision.Ref("keyPolicy", "Use")),
                            "allowed by the key policy")).build());
            sink.record(base(2, ALICE, "111122223333").eventName("DisableKey").readOnly(false)
                    .requestParameters(RequestParameters.builder().keyId(KEY).build())
                    .error("AccessDeniedException", "User: " + ALICE + " is not authorized to perform: kms:DisableKey")
                    .decision(new Decision(Decision.Outcome.EXPLICIT_DENY,
                            List.of(new Decision.Ref("keyPolicy", "DenyAdmin")), "explicit deny")).build());
            sink.record(base(3, BOB, "444455556666").eventName("Decrypt")
                    .decision(new Decision(Decision.Outcome.ALLOW, List.of(new Decision.Ref("keyPolicy", "Bob")),
                            "cross-account allow")).build());
        }
        return AuditSinks.auditDir(dataDir);
    }

    private static AuditEvent.Builder base(int n, String who, String account) {
        return AuditEvent.builder()
                .userIdentity(UserIdentity.iamUser(null, who, account, "AKIA" + n, who.substring(who.indexOf('/') + 1)))
                .eventTime(T0.plusSeconds(60L * n)).awsRegion("us-east-1").sourceIPAddress("127.0.0.1")
                .userAgent("test").requestID("00000000-0000-4000-8000-00000000000" + n)
                .eventID("11111111-0000-4000-8000-00000000000" + n).readOnly(true)
                .resources(List.of(Resource.key(KEY, "111122223333"))).recipientAccountId(account);
    }

    static Path logFile(Path auditDir) throws IOException {
        try (var files = Files.list(auditDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    /** Changes one character of the second record: its hash no longer matches. */
    static void editSecondRecord(Path auditDir) throws IOException {
        Path log = logFile(auditDir);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"DisableKey\"", "\"EnableKey\""));
        Files.write(log, lines, StandardCharsets.UTF_8);
    }

    /** Appends half a record with no newline, as a crash in the middle of a write leaves it. */
    static void tearTail(Path auditDir) throws IOException {
        Files.writeString(logFile(auditDir), "{\"sequence\":4,\"previousHash\":\"ab", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }
}

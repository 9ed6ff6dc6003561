package io.kmsd.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.Decision;
import io.kmsd.audit.RequestParameters;
import io.kmsd.audit.Resource;
import io.kmsd.audit.SessionContext;
import io.kmsd.audit.UserIdentity;
import io.kmsd.audit.sink.AuditSinks;
import io.kmsd.audit.sink.FileAuditSink;
import io.kmsd.audit.testing.Events;
import io.kmsd.audit.testing.MutableClock;
import io.kmsd.audit.testing.TrailFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSearchTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String ROLE = "arn:aws:iam::111122223333:role/KeyAdmin";
    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/KeyAdmin/admin-session";
    static final String OTHER_KEY = "arn:aws:kms:us-east-1:111122223333:key/99999999-12ab-34cd-56ef-1234567890ab";

    @TempDir
    Path dataDir;
    Path dir;

    /** 1..20: Encrypt by alice (every 5th denied DisableKey), one per hour; 21: role session on another key. */
    @BeforeEach
    void writeTrail() throws IOException {
        dir = AuditSinks.auditDir(dataDir);
        MutableClock clock = new MutableClock(T0);
        try (FileAuditSink sink = FileAuditSink.open(dir, dataDir,
                AuditConfig.defaults().withRotation(1 << 20, Duration.ofHours(3)), clock)) {
            for (int i = 1; i <= 20; i++) {
                sink.record(i % 5 == 0 ? Events.deniedDisable(i, clock.instant()) : Events.encrypt(i, clock.instant()));
                clock.advance(Duration.ofHours(1));
            }
            sink.record(roleSessionDescribe(clock.instant()));
        }
        assertThat(TrailFiles.logs(dir)).hasSizeGreaterThan(3);
    }

    static AuditEvent roleSessionDescribe(Instant at) {
        SessionContext session = new SessionContext(new SessionContext.Issuer("Role", "AROAADMIN", ROLE,
                "111122223333", "KeyAdmin"), new SessionContext.Attributes(at, "false"));
        return Events.base(21, at).eventName("DescribeKey").readOnly(true)
                .userIdentity(UserIdentity.assumedRole("AROAADMIN:admin-session", SESSION, "111122223333",
                        "ASIAADMIN", session))
                .requestParameters(RequestParameters.builder().keyId(OTHER_KEY).build())
                .resources(List.of(Resource.key(OTHER_KEY, "111122223333")))
                .decision(new Decision(Decision.Outcome.IMPLICIT_DENY, List.of(), "no statement allows"))
                .error("AccessDeniedException", "denied").build();
    }

    List<AuditEvent> search(AuditQuery q) {
        return AuditSearch.search(dir, q);
    }

    @Test
    void noFilterReturnsEveryEventInTrailOrder() {
        List<AuditEvent> all = search(AuditQuery.ALL);
        assertThat(all).hasSize(21);
        assertThat(all.get(0).requestID()).endsWith("000000000001");
        assertThat(all.get(20).eventName()).isEqualTo("DescribeKey");
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        List<AuditEvent> r = search(AuditQuery.ALL.between(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(7))));
        assertThat(r).extracting(AuditEvent::requestID).containsExactly(
                "00000000-0000-4000-8000-000000000005", "00000000-0000-4000-8000-000000000006",
                "00000000-0000-4000-8000-000000000007");
    }

    @Test
    void keyMatchesByArnAndByBareKeyIdAndByAlias() {
        assertThat(search(AuditQuery.ALL.withKey(OTHER_KEY))).hasSize(1);
        assertThat(search(AuditQuery.ALL.withKey("99999999-12ab-34cd-56ef-1234567890ab"))).hasSize(1);
        assertThat(search(AuditQuery.ALL.withKey("alias/app"))).hasSize(16);
        assertThat(search(AuditQuery.ALL.withKey("00000000-0000-0000-0000-000000000000"))).isEmpty();
    }

    @Test
    void principalMatchesTheCallerTheRoleOfASessionOrTheAccount() {
        assertThat(search(AuditQuery.ALL.withPrincipal(Events.ALICE))).hasSize(20);
        assertThat(search(AuditQuery.ALL.withPrincipal(ROLE))).hasSize(1);
        assertThat(search(AuditQuery.ALL.withPrincipal(SESSION))).hasSize(1);
        assertThat(search(AuditQuery.ALL.withPrincipal("111122223333"))).hasSize(21);
        assertThat(search(AuditQuery.ALL.withPrincipal("arn:aws:iam::111122223333:user/bob"))).isEmpty();
    }

    @Test
    void eventNameErrorCodeAndDecisionFilterAndCombine() {
        assertThat(search(AuditQuery.ALL.withEventName("DisableKey"))).hasSize(4);
        assertThat(search(AuditQuery.ALL.withErrorCode("AccessDeniedException"))).hasSize(5);
        assertThat(search(AuditQuery.ALL.withErrorCode(AuditQuery.NO_ERROR))).hasSize(16);
        assertThat(search(AuditQuery.ALL.withOutcome(Decision.Outcome.EXPLICIT_DENY))).hasSize(4);
        assertThat(search(AuditQuery.ALL.withOutcome(Decision.Outcome.IMPLICIT_DENY)
                .withErrorCode("AccessDeniedException").withPrincipal(Events.ALICE))).isEmpty();
    }

    @Test
    void limitKeepsTheMostRecentMatches() {
        assertThat(search(AuditQuery.ALL.withEventName("Encrypt").withLimit(2))).extracting(AuditEvent::requestID)
                .containsExactly("00000000-0000-4000-8000-000000000018", "00000000-0000-4000-8000-000000000019");
    }

    @Test
    void oneEventIsFoundByItsId() {
        AuditEvent seventh = Events.encrypt(7, T0.plus(Duration.ofHours(6)));
        assertThat(AuditSearch.findEvent(dir, seventh.eventID())).contains(seventh);
        assertThat(AuditSearch.findEvent(dir, "no-such-event")).isEmpty();
    }

    @Test
    void tornTailIsSkipped() throws IOException {
        List<Path> logs = TrailFiles.logs(dir);
        Files.writeString(logs.get(logs.size() - 1), "{\"sequence\":22,", StandardOpenOption.APPEND);
        assertThat(search(AuditQuery.ALL)).hasSize(21);
    }

    @Test
    void emptyTimeRangeIsRefused() {
        assertThatThrownBy(() -> AuditQuery.ALL.between(T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableHasAlignedColumnsAndACount() {
        String table = AuditRender.table(search(AuditQuery.ALL.withEventName("DescribeKey")));
        assertThat(table).isEqualTo(
                "TIME                  EVENT        PRINCIPAL" + " ".repeat(SESSION.length() - 9 + 2) + "KEY"
                        + " ".repeat(OTHER_KEY.length() - 3 + 2) + "RESULT                 DECISION\n"
                        + "2025-03-02T06:00:00Z  DescribeKey  " + SESSION + "  " + OTHER_KEY
                        + "  AccessDeniedException  IMPLICIT_DENY\n"
                        + "1 event\n");
    }

    @Test
    void jsonLinesReadBackAsTheSameEvents() {
        List<AuditEvent> events = search(AuditQuery.ALL.withLimit(3));
        List<AuditEvent> back = AuditRender.jsonLines(events).lines().map(AuditJson::fromJson).toList();
        assertThat(back).isEqualTo(events);
    }
}

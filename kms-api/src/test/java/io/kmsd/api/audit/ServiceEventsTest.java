package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kmsd.api.lifecycle.DeletionJob;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.Decision;
import io.kmsd.audit.Resource;
import io.kmsd.core.KeyService;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * kms-api §4.1: a key deleted at the end of its waiting period leaves one {@code DeleteKey} event, shaped as
 * CloudTrail's scheduled-deletion record (AwsServiceEvent, the service as caller, delivered to the key owner),
 * dated by the injected clock.
 */
class ServiceEventsTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");
    static final KeyArn OWNED_BY_B = KeyArn.parse(
            "arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321").orElseThrow();
    static final KeyArn OWNED_BY_A = KeyArn.parse(
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").orElseThrow();

    static KeyService deleting(List<KeyArn> keys) {
        return (KeyService) Proxy.newProxyInstance(KeyService.class.getClassLoader(), new Class<?>[] {KeyService.class},
                (proxy, method, args) -> keys);
    }

    static AuditTrail trail(List<AuditEvent> into) {
        return new AuditTrail(into::add, new AuditEvents(key -> Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void eachDeletedKeyIsOneDeleteKeyServiceEventForItsOwner() {
        List<AuditEvent> events = new ArrayList<>();
        DeletionJob job = new DeletionJob(deleting(List.of(OWNED_BY_A, OWNED_BY_B)), null, Duration.ofMinutes(1),
                trail(events)::keyDeleted);
        assertThat(job.runOnce()).isEqualTo(2);
        assertThat(events).extracting(AuditEvent::recipientAccountId).containsExactly("111122223333", "444455556666");
        AuditEvent e = events.get(1);
        assertThat(e.eventName()).isEqualTo("DeleteKey");
        assertThat(e.eventType()).isEqualTo("AwsServiceEvent");
        assertThat(e.eventTime()).isEqualTo(NOW);
        assertThat(e.awsRegion()).isEqualTo("eu-west-1");
        assertThat(e.readOnly()).isFalse();
        assertThat(e.succeeded()).isTrue();
        assertThat(e.resources()).containsExactly(Resource.key(OWNED_BY_B.toString(), "444455556666"));
        assertThat(e.userIdentity().type()).isEqualTo("AWSService");
        assertThat(e.userIdentity().invokedBy()).isEqualTo("kms.amazonaws.com");
        assertThat(e.userIdentity().accountId()).isEqualTo("444455556666");
        assertThat(e.userIdentity().arn()).isNull();
        assertThat(e.sourceIPAddress()).isEqualTo("kms.amazonaws.com");
        assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NOT_EVALUATED);
        assertThat(e.requestID()).isNotEqualTo(events.get(0).requestID());
        assertThat(e.eventID()).isNotEqualTo(events.get(0).eventID());
        assertThat(AuditJson.fromJson(AuditJson.toJson(e))).isEqualTo(e);
    }

    @Test
    void aServiceEventThatCannotBeWrittenIsTheSameRetryableRefusal() {
        AuditTrail broken = new AuditTrail(AuditTrailTest.BROKEN, new AuditEvents(key -> Optional.empty()));
        KmsException e = catchThrowableOfType(KmsException.class, () -> broken.keyDeleted(OWNED_BY_A));
        assertThat(e.error()).isEqualTo(KmsError.DependencyTimeout);
    }

    @Test
    void withTheTrailOffNothingIsWrittenAndNothingFails() {
        io.kmsd.api.protocol.AuditHook.NONE.keyDeleted(OWNED_BY_A);
        DeletionJob job = new DeletionJob(deleting(List.of(OWNED_BY_A)), null, Duration.ofMinutes(1),
                io.kmsd.api.protocol.AuditHook.NONE::keyDeleted);
        assertThat(job.runOnce()).isEqualTo(1);
    }
}

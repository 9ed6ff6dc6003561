package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kmsd.api.protocol.CallRecord;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditSink;
import io.kmsd.audit.AuditUnavailableException;
import io.kmsd.audit.sink.FailOpenAuditSink;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hook's contract with the sink: one event per record, and a refusal when the sink cannot write. */
class AuditTrailTest {
    static final CallRecord RECORD = AuditEventsTest.simple("ListKeys", AuditEventsTest.USER);
    static final AuditSink BROKEN = event -> {
        throw new AuditUnavailableException("audit event not written: No space left on device", null);
    };

    @Test
    void eachRecordIsOneEvent() {
        List<AuditEvent> events = new ArrayList<>();
        new AuditTrail(events::add, AuditEventsTest.EVENTS).record(RECORD);
        assertThat(events).singleElement().extracting(AuditEvent::requestID).isEqualTo("rid");
    }

    @Test
    void anUnwritableTrailIsARetryableRefusalThatNamesNoInternals() {
        KmsException e = catchThrowableOfType(KmsException.class,
                () -> new AuditTrail(BROKEN, AuditEventsTest.EVENTS).record(RECORD));
        assertThat(e.error()).isEqualTo(KmsError.DependencyTimeout);
        assertThat(e.error().httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo(AuditTrail.REFUSED).doesNotContain("space");
    }

    @Test
    void failOpenDropsTheEventAndGoesOn() {
        FailOpenAuditSink sink = new FailOpenAuditSink(BROKEN);
        assertThatCode(() -> new AuditTrail(sink, AuditEventsTest.EVENTS).record(RECORD)).doesNotThrowAnyException();
        assertThat(sink.dropped()).isEqualTo(1);
    }
}

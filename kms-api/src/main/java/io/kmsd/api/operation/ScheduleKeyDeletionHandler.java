package io.kmsd.api.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kmsd.api.authz.OperationFacts;
import io.kmsd.api.protocol.Call;
import io.kmsd.api.wire.Shapes;
import io.kmsd.api.wire.Violations;
import io.kmsd.api.wire.WireRequest;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import java.time.Instant;

/**
 * ScheduleKeyDeletion (kms-api §4.1): window 7–30 days, default 30 (the service narrows the model's 1–365 and
 * reports it in the model-constraint grammar). This project's rule — disable first unless
 * {@code kms.deletion.requireDisabled: false} — is core's, through the §3.4 table.
 */
public final class ScheduleKeyDeletionHandler extends BaseHandler<ScheduleKeyDeletionHandler.Request> {
    static final int DEFAULT_WINDOW_DAYS = 30;

    public ScheduleKeyDeletionHandler(KeyAccess access) {
        super("ScheduleKeyDeletion", Request.class, access);
    }

    public record Request(@JsonProperty("KeyId") String keyId,
                          @JsonProperty("PendingWindowInDays") Integer pendingWindowInDays) implements WireRequest {
        @Override
        public void validate(Violations v) {
            Shapes.keyId(v, "keyId", keyId, true);
            v.range("pendingWindowInDays", pendingWindowInDays, 7, 30);
        }
    }

    public record Response(@JsonProperty("KeyId") String keyId, @JsonProperty("DeletionDate") Instant deletionDate,
                           @JsonProperty("KeyState") String keyState,
                           @JsonProperty("PendingWindowInDays") int pendingWindowInDays) {
    }

    @Override
    public Response handle(Call call, Request r) {
        int days = r.pendingWindowInDays() == null ? DEFAULT_WINDOW_DAYS : r.pendingWindowInDays();
        KeyFacts key = access.authorize(call, r.keyId(), KeyAccess.Ref.ID_OR_ARN, action(), call.facts()
                .with(new OperationFacts.DeletionWindow(days)));
        KeyMetadata m = access.keys().scheduleDeletion(key.arn(), days);
        return new Response(m.arn().toString(), m.deletionDate(), m.keyState().name(), days);
    }
}

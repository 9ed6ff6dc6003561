package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Our extension to CloudTrail's record: how the request was authorized. {@code deciding} names the
 * statements or grants that decided; {@code reason} is one short human sentence.
 */
@JsonPropertyOrder({"outcome", "deciding", "reason"})
public record Decision(Outcome outcome, List<Ref> deciding, String reason) {
    static final int MAX_REASON = 512;

    /** {@code NOT_EVALUATED}: the request failed before authorization (authentication, validation). */
    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, NOT_EVALUATED }

    public Decision {
        if (outcome == null) {
            throw new IllegalArgumentException("decision needs an outcome");
        }
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
        reason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    public static Decision notEvaluated(String reason) {
        return new Decision(Outcome.NOT_EVALUATED, List.of(), reason);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * A deciding statement or grant: {@code source} says where it lives (e.g. {@code keyPolicy},
     * {@code identityPolicy}, {@code grant}, {@code guardrail}), {@code id} is the Sid, statement index
     * or grant id.
     */
    @JsonPropertyOrder({"source", "id"})
    public record Ref(String source, String id) {
        public Ref {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a deciding reference needs its source");
            }
            source = ValueKind.text(source);
            id = id == null ? null : ValueKind.text(id);
        }
    }
}

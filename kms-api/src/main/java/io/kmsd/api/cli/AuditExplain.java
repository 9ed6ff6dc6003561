package io.kmsd.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.api.cli.audit.TrailDirectory;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.query.AuditQuery;
import io.kmsd.audit.query.AuditSearch;
import io.kmsd.policy.explain.JsonRenderer;
import io.kmsd.policy.explain.TextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code ./kms explain --audit-event ID --audit-dir DIR}: the decision the trail recorded for a past request — its
 * outcome, the deciding statements, grants or guardrails (E20 references), the AccessDenied message the caller got,
 * and the reason. The trail keeps the decision, not the policies of that moment, so there is no per-statement table;
 * the text says where to get one.
 */
final class AuditExplain {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String NOT_EVALUATED = "NOT_EVALUATED";

    private AuditExplain() {
    }

    static ExplainVerdict of(Namespace ns) {
        Path dir = TrailDirectory.resolve(ns.getString("audit_dir")).orElseThrow(() -> new IllegalArgumentException(
                "--audit-dir is not a directory: " + ns.getString("audit_dir")));
        String id = ns.getString("audit_event");
        AuditEvent e = find(dir, id).orElseThrow(() -> new IllegalArgumentException("no audit event " + id + " in "
                + dir));
        if (e.decision() == null) {
            throw new IllegalArgumentException("audit event " + id + " records no decision");
        }
        Recorded r = Recorded.of(e);
        return new ExplainVerdict(r.decision(), text(r), json(r));
    }

    /** By event id, else by the request id the client got ({@code x-amzn-RequestId}). */
    static Optional<AuditEvent> find(Path dir, String id) {
        return AuditSearch.findEvent(dir, id).or(() -> AuditSearch.search(dir, AuditQuery.ALL).stream()
                .filter(e -> id.equals(e.requestID())).findFirst());
    }

    /** The E20 text of a recorded reference: {@code keyPolicy#Sid}, {@code identity:p#Sid}, {@code grant:g}, …. */
    static String ref(Decision.Ref ref) {
        if (ref.id() == null) {
            return ref.source();
        }
        return ref.source() + ("keyPolicy".equals(ref.source()) ? "#" : ":") + ref.id();
    }

    /** One audit event's decision in the explainer's terms. */
    record Recorded(AuditEvent event, String decision, String denyType, List<String> deciding, String caller,
                    String action, String resource) {

        static Recorded of(AuditEvent e) {
            Decision d = e.decision();
            List<String> refs = d.deciding().stream().map(AuditExplain::ref).toList();
            String decision = switch (d.outcome()) {
                case ALLOW -> "ALLOW";
                case NOT_EVALUATED -> NOT_EVALUATED;
                default -> "DENY";
            };
            String denyType = switch (d.outcome()) {
                case EXPLICIT_DENY -> refs.stream().anyMatch(x -> x.startsWith("guardrail:")) ? "GUARDRAIL" : "EXPLICIT";
                case IMPLICIT_DENY -> "IMPLICIT";
                default -> null;
            };
            String caller = e.userIdentity() == null ? "unknown" : e.userIdentity().arn();
            String resource = e.resources() == null || e.resources().isEmpty() ? "*" : e.resources().get(0).arn();
            return new Recorded(e, decision, denyType, refs, caller, "kms:" + e.eventName(), resource);
        }

        /** The AccessDenied message the caller got; for an allow, the explainer's sentence. */
        String verdict() {
            if ("ALLOW".equals(decision)) {
                return "User: " + caller + " is authorized to perform: " + action + " on resource: " + resource
                        + " by " + String.join(", ", deciding);
            }
            return event.errorCode() == null ? event.decision().reason()
                    : event.errorCode() + ": " + (event.errorMessage() == null ? "" : event.errorMessage());
        }
    }

    static String text(Recorded r) {
        AuditEvent e = r.event();
        String type = r.denyType() == null ? "" : " (" + r.denyType().toLowerCase(java.util.Locale.ROOT) + ")";
        return r.decision() + type + " " + r.action() + " on " + TextRenderer.shortResource(r.resource()) + " by "
                + r.caller() + "\n"
                + "  " + r.verdict() + "\n"
                + "  deciding: " + (r.deciding().isEmpty() ? "none" : String.join(", ", r.deciding())) + "\n"
                + "  reason: " + e.decision().reason() + "\n"
                + "  recorded: event " + e.eventID() + " at " + e.eventTime() + ", request " + e.requestID() + "\n"
                + "  note: the audit trail keeps the decision, not the policies of that moment; for every statement's "
                + "result run ./kms explain --endpoint (live policies) or with --key-policy (offline)\n";
    }

    static String json(Recorded r) {
        AuditEvent e = r.event();
        ObjectNode o = JSON.createObjectNode().put("decision", r.decision()).put("denyType", r.denyType());
        ArrayNode deciding = o.putArray("deciding");
        r.deciding().forEach(ref -> deciding.add(JsonRenderer.decidingRef(ref)));
        ArrayNode refs = o.putArray("decidingRefs");
        r.deciding().forEach(refs::add);
        o.put("verdict", r.verdict()).put("reason", e.decision().reason());
        o.putObject("request").put("caller", r.caller()).put("action", r.action()).put("keyArn", r.resource());
        o.putObject("event").put("eventID", e.eventID()).put("eventTime", e.eventTime().toString())
                .put("requestID", e.requestID()).put("errorCode", e.errorCode());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the audit decision cannot be written as JSON", ex);
        }
    }
}

package io.kmsd.policy.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./kms policy diff OLD NEW} found, with its text and JSON output and exit code (1 when NEW allows
 * something OLD denied).
 * <pre>
 * OLD old.json, NEW new.json, key arn:aws:kms:us-east-1:111122223333:key/…
 * newly allowed (2):
 *   arn:aws:iam::111122223333:user/bob  kms:Decrypt, kms:Encrypt  when kms:EncryptionContext:app=hr  (by keyPolicy#Use)
 * newly denied: none
 * 1 newly allowed, 0 newly denied (6 principals × 3 actions, 96 requests compared)
 * </pre>
 */
public record DiffReport(String oldFile, String newFile, String keyArn, List<Change> changes, int principals,
        int actions, long requests, boolean exhaustive) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int MAX_LINES = 200;

    public DiffReport {
        changes = List.copyOf(changes);
    }

    public List<Change> newlyAllowed() {
        return changes.stream().filter(Change::newlyAllowed).toList();
    }

    public List<Change> newlyDenied() {
        return changes.stream().filter(c -> !c.newlyAllowed()).toList();
    }

    /** 1 when NEW grants access OLD did not, else 0. */
    public int exitCode() {
        return newlyAllowed().isEmpty() ? 0 : 1;
    }

    public String summary() {
        return newlyAllowed().size() + " newly allowed, " + newlyDenied().size() + " newly denied (" + principals
                + " principals × " + actions + " actions, " + requests + " requests compared"
                + (exhaustive ? ")" : "; condition keys varied one at a time where combinations were too many)");
    }

    public String renderText() {
        StringBuilder sb = new StringBuilder("OLD ").append(oldFile).append(", NEW ").append(newFile)
                .append(", key ").append(keyArn).append('\n');
        section(sb, "newly allowed", newlyAllowed());
        section(sb, "newly denied", newlyDenied());
        return sb.append(summary()).append('\n').toString();
    }

    /** Changes alike but for the action share a line: {@code principal  kms:A, kms:B  when …  (by …)}. */
    private static void section(StringBuilder sb, String title, List<Change> cs) {
        sb.append(title).append(cs.isEmpty() ? ": none" : " (" + cs.size() + "):").append('\n');
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Change c : cs) {
            lines.computeIfAbsent(who(c) + "\u0000" + context(c) + "  (" + (c.newlyAllowed() ? "by " : "now ")
                    + String.join(", ", c.newDeciding()) + ")", k -> new ArrayList<>()).add(c.action());
        }
        int n = 0;
        for (Map.Entry<String, List<String>> l : lines.entrySet()) {
            if (n++ == MAX_LINES) {
                sb.append("  … and ").append(lines.size() - MAX_LINES).append(" more lines (see --json)\n");
                break;
            }
            String[] parts = l.getKey().split("\u0000", 2);
            sb.append("  ").append(parts[0]).append("  ").append(String.join(", ", l.getValue())).append("  ")
                    .append(parts[1]).append('\n');
        }
    }

    private static String who(Change c) {
        return c.principal() + (c.identityAllows() ? " (IAM allows kms:*)" : "");
    }

    private static String context(Change c) {
        List<String> when = new ArrayList<>();
        c.context().forEach((k, v) -> when.add(k + "=" + (v.size() == 1 ? v.get(0) : v.toString())));
        if (c.anyContext()) {
            return "in any context" + (when.isEmpty() ? "" : " with " + String.join(", ", when));
        }
        return when.isEmpty() ? "when no condition key is set" : "when " + String.join(", ", when);
    }

    public String renderJson() {
        ObjectNode o = MAPPER.createObjectNode().put("old", oldFile).put("new", newFile).put("keyArn", keyArn);
        changes(o.putArray("newlyAllowed"), newlyAllowed());
        changes(o.putArray("newlyDenied"), newlyDenied());
        o.putObject("compared").put("principals", principals).put("actions", actions).put("requests", requests)
                .put("exhaustive", exhaustive);
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diff report cannot be serialized", e);
        }
    }

    private static void changes(ArrayNode a, List<Change> cs) {
        for (Change c : cs) {
            ObjectNode n = a.addObject().put("principal", c.principal()).put("identityAllows", c.identityAllows())
                    .put("action", c.action()).put("anyContext", c.anyContext());
            ObjectNode ctx = n.putObject("context");
            for (Map.Entry<String, List<String>> e : c.context().entrySet()) {
                ArrayNode vs = ctx.putArray(e.getKey());
                e.getValue().forEach(vs::add);
            }
            n.put("oldDecision", c.oldDecision());
            c.oldDeciding().forEach(n.putArray("oldDeciding")::add);
            n.put("newDecision", c.newDecision());
            c.newDeciding().forEach(n.putArray("newDeciding")::add);
        }
    }
}

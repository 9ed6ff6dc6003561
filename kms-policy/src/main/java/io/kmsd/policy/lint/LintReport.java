package io.kmsd.policy.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.document.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings of {@code ./kms policy lint FILE}, with the command's text and JSON output and its exit code.
 * <pre>
 * policies/broken/policy.json: 2 errors, 1 warning
 *   ERROR   SOD-001    keyPolicy#Everything  /Statement/1
 *           arn:aws:iam::111122223333:user/ops holds administrative actions (…) and usage actions (…) …
 *           fix: give administrators and users separate principals and statements (the console template, D2)
 * </pre>
 */
public record LintReport(String file, PolicyKind kind, List<Finding> findings) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public LintReport {
        findings = List.copyOf(findings);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** 1 when some finding is at least as serious as {@code failOn}, else 0. */
    public int exitCode(Severity failOn) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(failOn)) ? 1 : 0;
    }

    /** 1 when there is an ERROR finding. */
    public int exitCode() {
        return exitCode(Severity.ERROR);
    }

    /** {@code 2 errors, 1 warning, 3 infos} or {@code no findings}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = count(s);
            if (n > 0) {
                parts.add(n + " " + s.name().toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }

    public String renderText() {
        StringBuilder sb = new StringBuilder(file).append(": ").append(summary()).append('\n');
        for (Finding f : findings) {
            sb.append(String.format("  %-7s %-10s", f.severity(), f.rule().id()));
            sb.append(f.ref() == null ? "" : " " + f.ref()).append(f.pointer().isEmpty() ? "" : "  " + f.pointer());
            sb.append("\n          ").append(f.message()).append('\n');
            if (f.suggestion() != null) {
                sb.append("          fix: ").append(f.suggestion()).append('\n');
            }
        }
        return sb.toString();
    }

    public String renderJson() {
        ObjectNode o = MAPPER.createObjectNode().put("file", file).put("kind", kind.name());
        ObjectNode counts = o.putObject("counts");
        for (Severity s : Severity.values()) {
            counts.put(s.name(), count(s));
        }
        ArrayNode list = o.putArray("findings");
        for (Finding f : findings) {
            list.addObject().put("rule", f.rule().id()).put("severity", f.severity().name())
                    .put("title", f.rule().title()).put("ref", f.ref()).put("pointer", f.pointer())
                    .put("message", f.message()).put("suggestion", f.suggestion());
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lint report cannot be serialized", e);
        }
    }
}

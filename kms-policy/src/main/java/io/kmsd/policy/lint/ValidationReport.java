package io.kmsd.policy.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.PolicyViolation;
import io.kmsd.policy.document.Validation;
import io.kmsd.policy.principal.IdentityDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./kms policy validate FILE}: every grammar error (G1–G14) with its JSON pointer, or "valid"; exit code 1
 * when there is an error.
 * <pre>
 * policy.json: 2 errors
 *   /Statement/1/Effect  InvalidEffect: statement [1], Effect: Effect must be "Allow" or "Deny", not "allow"
 *   /Statement/2/Condition/StringEqualz  InvalidConditionOperator: statement [2], Condition: unknown operator …
 * </pre>
 */
public record ValidationReport(String file, Validation validation) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static ValidationReport validate(Path file, PolicyKind kind) throws IOException {
        return validate(file.toString(), Files.readString(file, StandardCharsets.UTF_8), kind, null);
    }

    /** {@code directory} checks that named principals exist (G8c); null skips that check. */
    public static ValidationReport validate(String label, String text, PolicyKind kind, IdentityDirectory directory) {
        return new ValidationReport(label, PolicyParser.validate(text, kind, directory));
    }

    public int exitCode() {
        return validation.valid() ? 0 : 1;
    }

    public String renderText() {
        if (validation.valid()) {
            int n = validation.document().statements().size();
            return file + ": valid " + kindName() + " (" + n + " statement" + (n == 1 ? "" : "s") + ")\n";
        }
        int n = validation.problems().size();
        StringBuilder sb = new StringBuilder(file).append(": ").append(n).append(n == 1 ? " error" : " errors")
                .append('\n');
        for (PolicyViolation p : validation.problems()) {
            sb.append("  ").append(p.pointer().isEmpty() ? "(document)" : p.pointer()).append("  ")
                    .append(p.message()).append('\n');
        }
        return sb.toString();
    }

    public String renderJson() {
        ObjectNode o = MAPPER.createObjectNode().put("file", file).put("kind", validation.kind().name())
                .put("valid", validation.valid());
        ArrayNode errors = o.putArray("errors");
        for (PolicyViolation p : validation.problems()) {
            ObjectNode e = errors.addObject().put("pointer", p.pointer()).put("failure", p.failure().name());
            if (p.statementIndex() >= 0) {
                e.put("statement", p.statementIndex());
            }
            e.put("sid", p.sid()).put("element", p.element()).put("message", p.message());
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validation report cannot be serialized", e);
        }
    }

    private String kindName() {
        return validation.kind().name().toLowerCase(Locale.ROOT) + " policy";
    }
}

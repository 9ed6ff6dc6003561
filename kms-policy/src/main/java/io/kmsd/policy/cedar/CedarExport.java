package io.kmsd.policy.cedar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyKind;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.document.Statement;
import io.kmsd.policy.document.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./kms policy export --cedar FILE}: a key policy translated into Cedar policies over {@link KmsCedarSchema},
 * equivalent to this engine's decisions for requests without grants, where the request's
 * {@code context.identityAllowed} / {@code identityDenied} say what the caller's identity policies decided. Two
 * fixed policies carry engine rules: the cross-account gate (E2) and identity-policy denies (E6). Statements
 * outside the translatable subset are listed with the reason and left out — the Cedar then allows less (a missing
 * Allow) or more (a missing Deny) than the key policy, which the report says.
 */
public record CedarExport(String file, String cedar, Map<String, String> translated, Map<String, String> skipped,
        List<String> neverApply) {
    static final String GATE_ID = "kms:cross-account-gate";
    static final String IDENTITY_DENY_ID = "kms:identity-deny";
    static final String PRELUDE = """
            // kms engine rules, part of every translation (key-policy-semantics E2, E6)
            @id("kms:cross-account-gate")
            forbid (principal, action, resource is Kms::Key)
            when { principal has account && principal.account != resource.account }
            unless { action in Kms::Action::"CrossAccount" };

            @id("kms:identity-deny")
            forbid (principal, action, resource)
            when { context.identityDenied };
            """;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public CedarExport {
        translated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(translated));
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        neverApply = List.copyOf(neverApply);
    }

    /**
     * Translates key-policy text.
     *
     * @throws IllegalArgumentException when it is not a valid key policy
     */
    public static CedarExport of(String file, String policyText) {
        Validation v = PolicyParser.validate(policyText, PolicyKind.KEY, null);
        if (!v.valid()) {
            throw new IllegalArgumentException(file + " is not a valid key policy: " + v.problems().get(0).message());
        }
        return of(file, v.document());
    }

    public static CedarExport of(String file, PolicyDocument doc) {
        StringBuilder sb = new StringBuilder("// Cedar translation of ").append(file)
                .append(" (kms policy export --cedar; schema: kms.cedarschema)\n\n").append(PRELUDE);
        Map<String, String> translated = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> never = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Statement s : doc.statements()) {
            String ref = doc.ref(s.index());
            String id = ids.add(ref) ? ref : ref + " (statement " + s.index() + ")";
            try {
                String cedar = StatementTranslator.translate(s, id);
                if (cedar == null) {
                    never.add(ref);
                    sb.append("\n// ").append(ref).append(": never applies, nothing to translate\n");
                } else {
                    translated.put(id, ref);
                    sb.append('\n').append(cedar);
                }
            } catch (Untranslatable e) {
                skipped.put(ref, e.getMessage());
                sb.append("\n// ").append(ref).append(": NOT TRANSLATED (").append(s.effect())
                        .append("): ").append(e.getMessage()).append('\n');
            }
        }
        return new CedarExport(file, sb.toString(), translated, skipped, never);
    }

    /** 0 when every statement was translated (or never applies), 1 when some were left out. */
    public int exitCode() {
        return skipped.isEmpty() ? 0 : 1;
    }

    /** The report printed next to the written Cedar file. */
    public String renderText() {
        StringBuilder sb = new StringBuilder(file).append(": ").append(translated.size()).append(" statement")
                .append(translated.size() == 1 ? "" : "s").append(" translated");
        sb.append(skipped.isEmpty() ? "" : ", " + skipped.size() + " not translated")
                .append(neverApply.isEmpty() ? "" : ", " + neverApply.size() + " never apply").append('\n');
        skipped.forEach((ref, why) -> sb.append("  NOT TRANSLATED ").append(ref).append(": ").append(why).append('\n'));
        if (!skipped.isEmpty()) {
            sb.append("  the Cedar policies are not equivalent: a missing Allow allows less, a missing Deny allows more\n");
        }
        return sb.toString();
    }

    public String renderJson() {
        ObjectNode o = MAPPER.createObjectNode().put("file", file).put("equivalent", skipped.isEmpty());
        ObjectNode t = o.putObject("translated");
        translated.forEach(t::put);
        ObjectNode s = o.putObject("notTranslated");
        skipped.forEach(s::put);
        neverApply.forEach(o.putArray("neverApply")::add);
        o.put("cedar", cedar);
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export report cannot be serialized", e);
        }
    }
}

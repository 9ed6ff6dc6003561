package io.kmsd.policy.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.policy.principal.IdentityDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates and compiles policy documents (key-policy-semantics G1–G14). Checks run in a fixed order and the
 * first failure is reported (G15): size (key policies, G13) → characters (G13) → JSON (G1) → top level (G1–G3)
 * → each statement in order (G4–G12).
 */
public final class PolicyParser {
    /** G13: key policies above this many UTF-8 bytes fail with LimitExceededException. */
    public static final int MAX_KEY_POLICY_BYTES = 32768;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");

    private PolicyParser() {
    }

    /** What {@link #check} found: a document, or the error a write of this policy fails with. */
    public record Outcome(PolicyDocument document, KmsException error, PolicyViolation violation) {
        public boolean accepted() {
            return document != null;
        }
    }

    /** Compiles a key policy; {@code directory} may be null (principal existence then goes unchecked, G8c). */
    public static PolicyDocument parseKeyPolicy(String text, IdentityDirectory directory) {
        return orThrow(check(text, PolicyKind.KEY, directory));
    }

    public static PolicyDocument parseKeyPolicy(JsonNode tree, IdentityDirectory directory) {
        return parseKeyPolicy(toText(tree), directory);
    }

    /** Compiles an identity policy (G14). */
    public static PolicyDocument parseIdentityPolicy(String text) {
        return orThrow(check(text, PolicyKind.IDENTITY, null));
    }

    public static PolicyDocument parseIdentityPolicy(JsonNode tree) {
        return parseIdentityPolicy(toText(tree));
    }

    /** Validates without throwing. */
    public static Outcome check(String text, PolicyKind kind, IdentityDirectory directory) {
        if (text == null) {
            return rejected(PolicyViolation.document(PolicyFailure.SyntaxError, "the policy is empty"));
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (kind == PolicyKind.KEY && bytes > MAX_KEY_POLICY_BYTES) {
            return new Outcome(null, new KmsException(KmsError.LimitExceeded, "Policy document of " + bytes
                    + " bytes exceeds the key policy limit of " + MAX_KEY_POLICY_BYTES + " bytes."), null);
        }
        try {
            return new Outcome(compile(text, kind, directory), null, null);
        } catch (Reject r) {
            return rejected(r.violation);
        }
    }

    /** Serializes a tree as compact JSON; the text then goes through every check (size included). */
    public static String toText(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new KmsException(KmsError.MalformedPolicyDocument, "SyntaxError: the policy cannot be serialized");
        }
    }

    private static PolicyDocument orThrow(Outcome o) {
        if (o.accepted()) {
            return o.document();
        }
        throw o.error();
    }

    private static Outcome rejected(PolicyViolation v) {
        return new Outcome(null, v.toException(), v);
    }

    private static PolicyDocument compile(String text, PolicyKind kind, IdentityDirectory directory) {
        if (kind == PolicyKind.KEY) {
            checkCharacters(text, "the policy");
        }
        JsonNode root = readJson(text);
        if (!root.isObject()) {
            throw Reject.document(PolicyFailure.SyntaxError, "the policy must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                throw Reject.document(PolicyFailure.SyntaxError, "unknown top-level member '" + name + "'");
            }
        }
        String version = version(root.get("Version"), kind);
        String id = optionalText(root.get("Id"), "Id");
        List<Statement> statements = statements(root.get("Statement"), kind, version, directory);
        return new PolicyDocument(kind, version, id, statements, text);
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw Reject.document(PolicyFailure.SyntaxError, "the policy is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            throw Reject.document(PolicyFailure.SyntaxError, "invalid JSON: " + detail
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
    }

    /** G13: printable ASCII, U+00A1–U+00FF, TAB, LF, CR. */
    static void checkCharacters(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff) || c == '\t' || c == '\n' || c == '\r';
            if (!ok) {
                throw Reject.document(PolicyFailure.InvalidCharacter, String.format(
                        "%s contains the character U+%04X at offset %d", where, (int) c, i));
            }
        }
    }

    /** G2. */
    private static String version(JsonNode v, PolicyKind kind) {
        if (v == null && kind == PolicyKind.IDENTITY) {
            return PolicyDocument.VERSION_2008;
        }
        if (v == null) {
            throw Reject.document(PolicyFailure.UnsupportedVersion, "a key policy must set Version to \"2012-10-17\"");
        }
        String text = v.isTextual() ? v.textValue() : null;
        boolean ok = PolicyDocument.VERSION_2012.equals(text)
                || (kind == PolicyKind.IDENTITY && PolicyDocument.VERSION_2008.equals(text));
        if (!ok) {
            throw Reject.document(PolicyFailure.UnsupportedVersion, "Version " + v + " is not supported"
                    + (kind == PolicyKind.KEY ? "; key policies use \"2012-10-17\"" : ""));
        }
        return text;
    }

    private static String optionalText(JsonNode n, String member) {
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw Reject.document(PolicyFailure.SyntaxError, member + " must be a string");
        }
        return n.textValue();
    }

    /** G3, then each statement in order; G5 Sid uniqueness for identity policies. */
    private static List<Statement> statements(JsonNode node, PolicyKind kind, String version, IdentityDirectory dir) {
        if (node == null || (node.isArray() && node.isEmpty())) {
            throw Reject.document(PolicyFailure.SyntaxError, "Statement is missing or empty");
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<Statement> out = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Statement s = new StatementReader(items.get(i), i, kind, version, dir).read();
            if (kind == PolicyKind.IDENTITY && s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw new Reject(new PolicyViolation(PolicyFailure.InvalidStatementElement, i, s.sid(), "Sid",
                        "duplicate Sid in an identity policy"));
            }
            out.add(s);
        }
        return out;
    }

    /** Carries the first violation out of the recursive descent. */
    static final class Reject extends RuntimeException {
        final PolicyViolation violation;

        Reject(PolicyViolation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }

        static Reject document(PolicyFailure f, String reason) {
            return new Reject(PolicyViolation.document(f, reason));
        }
    }
}

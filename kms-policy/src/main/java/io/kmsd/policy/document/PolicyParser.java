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

    /** Validates without throwing; the outcome carries the first violation (G15). */
    public static Outcome check(String text, PolicyKind kind, IdentityDirectory directory) {
        Validation v = validate(text, kind, directory);
        if (v.valid()) {
            return new Outcome(v.document(), null, null);
        }
        PolicyViolation first = v.problems().get(0);
        return new Outcome(null, first.toException(), first.failure() == PolicyFailure.LimitExceeded ? null : first);
    }

    /**
     * Checks everything and lists every violation, each with its JSON pointer ({@code ./kms policy validate}).
     * The first violation is the one a policy write fails with (G15).
     */
    public static Validation validate(String text, PolicyKind kind, IdentityDirectory directory) {
        return new Collector(text, kind, directory).run();
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

    /** G13: printable ASCII, U+00A1–U+00FF, TAB, LF, CR. */
    static void checkCharacters(String text, String where) {
        int bad = firstBadCharacter(text);
        if (bad >= 0) {
            throw Reject.document(PolicyFailure.InvalidCharacter, String.format(
                    "%s contains the character U+%04X at offset %d", where, (int) text.charAt(bad), bad));
        }
    }

    static int firstBadCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff) || c == '\t' || c == '\n' || c == '\r';
            if (!ok) {
                return i;
            }
        }
        return -1;
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
            throw new Reject(PolicyViolation.document(PolicyFailure.UnsupportedVersion, "Version " + v
                    + " is not supported" + (kind == PolicyKind.KEY ? "; key policies use \"2012-10-17\"" : ""),
                    "/Version"));
        }
        return text;
    }

    /** One validation run: checks in G15 order, collecting every violation instead of stopping at the first. */
    private static final class Collector {
        private final String text;
        private final PolicyKind kind;
        private final IdentityDirectory directory;
        private final List<PolicyViolation> problems = new ArrayList<>();
        private final List<Statement> compiled = new ArrayList<>();
        private JsonNode root;
        private String version;

        Collector(String text, PolicyKind kind, IdentityDirectory directory) {
            this.text = text;
            this.kind = kind;
            this.directory = directory;
        }

        Validation run() {
            if (text == null) {
                problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "the policy is empty"));
                return result();
            }
            size();
            characters();
            root = readJson();
            if (root == null) {
                return result();
            }
            if (!root.isObject()) {
                problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "the policy must be a JSON object"));
                return result();
            }
            topLevel();
            statements(root.get("Statement"));
            return result();
        }

        private Validation result() {
            boolean ok = problems.isEmpty();
            PolicyDocument doc = ok ? new PolicyDocument(kind, version, root.path("Id").textValue(), compiled, text)
                    : null;
            return new Validation(kind, problems, doc, compiled, root);
        }

        /** G13 size (key policies): a quota, reported as LimitExceededException. */
        private void size() {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (kind == PolicyKind.KEY && bytes > MAX_KEY_POLICY_BYTES) {
                problems.add(PolicyViolation.document(PolicyFailure.LimitExceeded, "Policy document of " + bytes
                        + " bytes exceeds the key policy limit of " + MAX_KEY_POLICY_BYTES + " bytes."));
            }
        }

        private void characters() {
            int bad = kind == PolicyKind.KEY ? firstBadCharacter(text) : -1;
            if (bad >= 0) {
                problems.add(PolicyViolation.document(PolicyFailure.InvalidCharacter, String.format(
                        "the policy contains the character U+%04X at offset %d (%s)", (int) text.charAt(bad), bad,
                        JsonPointers.lineAndColumn(text, bad)), JsonPointers.at(text, bad)));
            }
        }

        private JsonNode readJson() {
            try {
                JsonNode n = JSON.readTree(text);
                if (n == null || n.isMissingNode()) {
                    problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "the policy is empty"));
                    return null;
                }
                return n;
            } catch (JsonProcessingException e) {
                problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "invalid JSON: "
                        + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
                return null;
            }
        }

        /** G1 members, G2 Version, Id. */
        private void topLevel() {
            root.fieldNames().forEachRemaining(name -> {
                if (!TOP_LEVEL.contains(name)) {
                    problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "unknown top-level member '"
                            + name + "'", JsonPointers.child("", name)));
                }
            });
            try {
                version = version(root.get("Version"), kind);
            } catch (Reject r) {
                problems.add(r.violation);
            }
            JsonNode id = root.get("Id");
            if (id != null && !id.isTextual()) {
                problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "Id must be a string", "/Id"));
            }
        }

        /** G3, then each statement in order; G5 Sid uniqueness for identity policies. */
        private void statements(JsonNode node) {
            if (node == null || (node.isArray() && node.isEmpty())) {
                problems.add(PolicyViolation.document(PolicyFailure.SyntaxError, "Statement is missing or empty",
                        node == null ? "" : "/Statement"));
                return;
            }
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            Set<String> sids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String pointer = node.isArray() ? "/Statement/" + i : "/Statement";
                StatementReader reader = new StatementReader(items.get(i), i, pointer, kind, version, directory);
                Statement s = reader.readAll();
                problems.addAll(reader.problems());
                if (s != null) {
                    compiled.add(s);
                    uniqueSid(s, pointer, sids);
                }
            }
        }

        private void uniqueSid(Statement s, String pointer, Set<String> sids) {
            if (kind == PolicyKind.IDENTITY && s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                problems.add(new PolicyViolation(PolicyFailure.InvalidStatementElement, s.index(), s.sid(), "Sid",
                        "duplicate Sid '" + s.sid() + "' in an identity policy", pointer + "/Sid"));
            }
        }
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

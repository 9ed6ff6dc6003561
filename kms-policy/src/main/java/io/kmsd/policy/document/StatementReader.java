package io.kmsd.policy.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmsd.policy.condition.Condition;
import io.kmsd.policy.condition.ConditionOperator;
import io.kmsd.policy.principal.IdentityDirectory;
import io.kmsd.policy.principal.KnownServices;
import io.kmsd.policy.principal.PrincipalEntry;
import io.kmsd.policy.principal.PrincipalSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Validates and compiles one statement (key-policy-semantics G4–G12), in element order. Every element is checked
 * even after one failed, so validation can list all problems (each with its JSON pointer); the first one is the
 * G15 failure a policy write reports.
 */
final class StatementReader {
    private static final Set<String> MEMBERS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern IDENTITY_SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+");

    private final JsonNode node;
    private final int index;
    private final String base;
    private final PolicyKind kind;
    private final boolean variables;
    private final IdentityDirectory directory;
    private final List<PolicyViolation> problems = new ArrayList<>();
    private String sid;

    /** {@code pointer} is the statement's own pointer: {@code /Statement/i}, or {@code /Statement} for a lone one. */
    StatementReader(JsonNode node, int index, String pointer, PolicyKind kind, String version,
            IdentityDirectory directory) {
        this.node = node;
        this.index = index;
        this.base = pointer;
        this.kind = kind;
        this.variables = PolicyDocument.VERSION_2012.equals(version);
        this.directory = directory;
    }

    /** The compiled statement; throws the first violation. */
    Statement read() {
        Statement s = readAll();
        if (!problems.isEmpty()) {
            throw new PolicyParser.Reject(problems.get(0));
        }
        return s;
    }

    /** Every violation found, in G15 order (empty when the statement compiled). */
    List<PolicyViolation> problems() {
        return problems;
    }

    /** Checks every element; the statement, or null when something failed ({@link #problems()}). */
    Statement readAll() {
        if (!node.isObject()) {
            problems.add(violation(PolicyFailure.SyntaxError, null, base, "a statement must be a JSON object"));
            return null;
        }
        sid = node.path("Sid").isTextual() ? node.get("Sid").textValue() : null;
        if (kind == PolicyKind.KEY) {
            checkStrings(node, base);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                problems.add(violation(PolicyFailure.InvalidStatementElement, name, JsonPointers.child(base, name),
                        "unknown statement element"));
            }
        });
        sid = attempt(this::sid);
        Effect effect = attempt(this::effect);
        PrincipalSet principals = attempt(() -> principals(effect));
        ActionSet actions = attempt(this::actions);
        ResourceSet resources = attempt(this::resources);
        List<Condition> conditions = conditions();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Statement(index, sid, effect, principals, node.has("NotPrincipal"), actions,
                node.has("NotAction"), resources, node.has("NotResource"), conditions);
    }

    private <T> T attempt(Supplier<T> element) {
        try {
            return element.get();
        } catch (PolicyParser.Reject r) {
            problems.add(r.violation);
            return null;
        }
    }

    private PolicyViolation violation(PolicyFailure f, String element, String pointer, String reason) {
        return new PolicyViolation(f, index, sid, element, reason, pointer);
    }

    private PolicyParser.Reject reject(PolicyFailure f, String element, String pointer, String reason) {
        return new PolicyParser.Reject(violation(f, element, pointer, reason));
    }

    private PolicyParser.Reject reject(PolicyFailure f, String element, String reason) {
        return reject(f, element, element == null ? base : JsonPointers.child(base, element), reason);
    }

    /** G13 also covers characters that arrive as JSON escapes. */
    private void checkStrings(JsonNode n, String pointer) {
        try {
            if (n.isTextual()) {
                PolicyParser.checkCharacters(n.textValue(), "a value");
            }
        } catch (PolicyParser.Reject r) {
            problems.add(violation(PolicyFailure.InvalidCharacter, null, pointer, r.violation.reason()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = JsonPointers.child(pointer, e.getKey());
            try {
                PolicyParser.checkCharacters(e.getKey(), "a member name");
            } catch (PolicyParser.Reject r) {
                problems.add(violation(PolicyFailure.InvalidCharacter, null, child, r.violation.reason()));
            }
            checkStrings(e.getValue(), child);
        }
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            checkStrings(n.get(i), JsonPointers.child(pointer, i));
        }
    }

    /** G5. */
    private String sid() {
        JsonNode n = node.get("Sid");
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw reject(PolicyFailure.InvalidStatementElement, "Sid", "Sid must be a string");
        }
        if (kind == PolicyKind.IDENTITY && !IDENTITY_SID.matcher(n.textValue()).matches()) {
            throw reject(PolicyFailure.InvalidStatementElement, "Sid",
                    "an identity-policy Sid may contain only letters and digits");
        }
        return n.textValue();
    }

    /** G6. */
    private Effect effect() {
        JsonNode n = node.get("Effect");
        if (n == null) {
            throw reject(PolicyFailure.InvalidEffect, "Effect", base, "Effect is missing");
        }
        if (!n.isTextual() || !(n.textValue().equals("Allow") || n.textValue().equals("Deny"))) {
            throw reject(PolicyFailure.InvalidEffect, "Effect", "Effect must be \"Allow\" or \"Deny\", not " + n);
        }
        return Effect.valueOf(n.textValue());
    }

    /** G4, G7, G8, G14; {@code effect} is null when the Effect itself was invalid. */
    private PrincipalSet principals(Effect effect) {
        boolean p = node.has("Principal");
        boolean np = node.has("NotPrincipal");
        if (kind == PolicyKind.IDENTITY) {
            if (p || np) {
                throw reject(PolicyFailure.InvalidStatementElement, p ? "Principal" : "NotPrincipal",
                        "identity policies take no Principal or NotPrincipal");
            }
            return null;
        }
        if (p == np) {
            throw reject(PolicyFailure.InvalidPrincipal, "Principal", p ? JsonPointers.child(base, "NotPrincipal")
                    : base, p ? "a statement cannot have both Principal and NotPrincipal"
                    : "a key policy statement needs Principal or NotPrincipal");
        }
        String element = p ? "Principal" : "NotPrincipal";
        if (np && effect == Effect.Allow) {
            throw reject(PolicyFailure.InvalidPrincipal, element, "NotPrincipal with Effect Allow is not supported");
        }
        return new PrincipalSet(principalEntries(node.get(element), element));
    }

    private List<PrincipalEntry> principalEntries(JsonNode n, String element) {
        String pointer = JsonPointers.child(base, element);
        if (n.isTextual() && n.textValue().equals("*")) {
            return List.of(PrincipalEntry.anyone());
        }
        if (!n.isObject() || n.isEmpty()) {
            throw reject(PolicyFailure.InvalidPrincipal, element, "must be \"*\" or an object such as {\"AWS\": ...}");
        }
        List<PrincipalEntry> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String member = JsonPointers.child(pointer, m.getKey());
            if (!PRINCIPAL_TYPES.contains(m.getKey())) {
                throw reject(PolicyFailure.InvalidPrincipal, element, member,
                        "unknown principal type '" + m.getKey() + "'");
            }
            List<String> values = strings(m.getValue(), element, member, PolicyFailure.InvalidPrincipal);
            for (int i = 0; i < values.size(); i++) {
                String at = m.getValue().isArray() ? JsonPointers.child(member, i) : member;
                out.add(entry(m.getKey(), values.get(i), element, at));
            }
        }
        return out;
    }

    private PrincipalEntry entry(String member, String value, String element, String pointer) {
        PrincipalEntry e;
        try {
            e = PrincipalEntry.parse(member, value);
        } catch (IllegalArgumentException ex) {
            throw reject(PolicyFailure.InvalidPrincipal, element, pointer, ex.getMessage());
        }
        if (e.kind() == PrincipalEntry.Kind.SERVICE && !KnownServices.contains(e.value())) {
            throw reject(PolicyFailure.InvalidPrincipal, element, pointer, "unknown service principal '" + value + "'");
        }
        if (directory != null && !exists(e)) {
            throw reject(PolicyFailure.PrincipalNotFound, element, pointer, "'" + value + "' does not exist");
        }
        return e;
    }

    /** G8c: accounts, users and roles must exist; for a session only its role is checked. */
    private boolean exists(PrincipalEntry e) {
        return switch (e.kind()) {
            case ACCOUNT, FEDERATED_USER -> directory.accountExists(e.account());
            case USER, ROLE -> directory.principalExists(e.value());
            case SESSION -> directory.roleNamed(e.account(), e.sessionRoleName());
            default -> true;
        };
    }

    /** G9. */
    private ActionSet actions() {
        String element = pair("Action", "NotAction");
        if (element == null) {
            return null;
        }
        String pointer = JsonPointers.child(base, element);
        List<String> values = strings(node.get(element), element, pointer, PolicyFailure.InvalidStatementElement);
        for (int i = 0; i < values.size(); i++) {
            if (!ACTION.matcher(values.get(i)).matches()) {
                throw reject(PolicyFailure.InvalidStatementElement, element, node.get(element).isArray()
                        ? JsonPointers.child(pointer, i) : pointer,
                        "'" + values.get(i) + "' is not \"*\" or service:ActionName");
            }
        }
        return new ActionSet(values);
    }

    /** G10. */
    private ResourceSet resources() {
        String element = pair("Resource", "NotResource");
        if (element == null) {
            return null;
        }
        List<String> values = strings(node.get(element), element, JsonPointers.child(base, element),
                PolicyFailure.InvalidStatementElement);
        return new ResourceSet(values, variables);
    }

    /** The one of two exclusive elements present; identity policies need one of them (G4, G14). */
    private String pair(String positive, String negative) {
        boolean a = node.has(positive);
        boolean b = node.has(negative);
        if (a && b) {
            throw reject(PolicyFailure.InvalidStatementElement, positive, JsonPointers.child(base, negative),
                    positive + " and " + negative + " cannot both be present");
        }
        if (!a && !b && kind == PolicyKind.IDENTITY) {
            throw reject(PolicyFailure.InvalidStatementElement, positive, base,
                    "an identity-policy statement needs " + positive + " or " + negative);
        }
        return a ? positive : b ? negative : null;
    }

    /** A string or a non-empty array of non-empty strings. */
    private List<String> strings(JsonNode n, String element, String pointer, PolicyFailure failure) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.textValue());
        } else if (n.isArray() && !n.isEmpty()) {
            n.forEach(v -> out.add(v.isTextual() ? v.textValue() : null));
        }
        if (out.isEmpty() || out.contains(null) || out.contains("")) {
            int bad = Math.max(out.indexOf(null), out.indexOf(""));
            throw reject(failure, element, n.isArray() && bad >= 0 ? JsonPointers.child(pointer, bad) : pointer,
                    "must be a non-empty string or a non-empty array of strings");
        }
        return out;
    }

    /** G11, G12: every operator block and key is checked; the list is null when one failed. */
    private List<Condition> conditions() {
        JsonNode n = node.get("Condition");
        if (n == null) {
            return List.of();
        }
        String pointer = JsonPointers.child(base, "Condition");
        if (!n.isObject()) {
            problems.add(violation(PolicyFailure.InvalidStatementElement, "Condition", pointer,
                    "Condition must be an object"));
            return null;
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> block = it.next();
            List<Condition> cs = attempt(() -> block(block.getKey(), block.getValue(), pointer));
            if (cs != null && out != null) {
                out.addAll(cs);
            } else {
                out = null;
            }
        }
        return out;
    }

    private List<Condition> block(String name, JsonNode keys, String conditionPointer) {
        String pointer = JsonPointers.child(conditionPointer, name);
        ConditionOperator op = ConditionOperator.parse(name).orElseThrow(() -> reject(
                PolicyFailure.InvalidConditionOperator, "Condition", pointer, "unknown operator '" + name + "'"));
        if (!keys.isObject()) {
            throw reject(PolicyFailure.InvalidStatementElement, "Condition", pointer,
                    op + " must map condition keys to values");
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> k = it.next();
            Condition c = attempt(() -> condition(op, k.getKey(), k.getValue(), JsonPointers.child(pointer, k.getKey())));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Condition condition(ConditionOperator op, String key, JsonNode value, String pointer) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (op.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                && (lower.startsWith("kms:encryptioncontext:") || lower.startsWith("aws:requesttag/"))) {
            throw reject(PolicyFailure.OverlyPermissiveCondition, "Condition", pointer, op + " on " + key
                    + " also matches requests without that key; use a single-valued operator");
        }
        List<String> values = new ArrayList<>();
        if (value.isArray() && !value.isEmpty()) {
            value.forEach(v -> values.add(scalar(v)));
        } else if (!value.isArray()) {
            values.add(scalar(value));
        }
        if (values.isEmpty() || values.contains(null)) {
            throw reject(PolicyFailure.InvalidStatementElement, "Condition", pointer, op + " " + key
                    + " needs a string, number or boolean, or a non-empty array of them");
        }
        return new Condition(op, key, values, variables);
    }

    /** G11: numbers and booleans compare as their JSON text. */
    private static String scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        }
        return v.isBoolean() ? v.asText() : null;
    }
}

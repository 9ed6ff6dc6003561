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
import java.util.regex.Pattern;

/** Validates and compiles one statement (key-policy-semantics G4–G12), in element order. */
final class StatementReader {
    private static final Set<String> MEMBERS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern IDENTITY_SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+");

    private final JsonNode node;
    private final int index;
    private final PolicyKind kind;
    private final boolean variables;
    private final IdentityDirectory directory;
    private String sid;

    StatementReader(JsonNode node, int index, PolicyKind kind, String version, IdentityDirectory directory) {
        this.node = node;
        this.index = index;
        this.kind = kind;
        this.variables = PolicyDocument.VERSION_2012.equals(version);
        this.directory = directory;
    }

    Statement read() {
        if (!node.isObject()) {
            throw reject(PolicyFailure.SyntaxError, null, "a statement must be a JSON object");
        }
        sid = node.path("Sid").isTextual() ? node.get("Sid").textValue() : null;
        if (kind == PolicyKind.KEY) {
            checkStrings(node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw reject(PolicyFailure.InvalidStatementElement, name, "unknown statement element");
            }
        }
        sid = sid();
        Effect effect = effect();
        boolean notPrincipal = node.has("NotPrincipal");
        PrincipalSet principals = principals(effect);
        boolean notAction = node.has("NotAction");
        ActionSet actions = actions();
        boolean notResource = node.has("NotResource");
        ResourceSet resources = resources();
        List<Condition> conditions = conditions();
        return new Statement(index, sid, effect, principals, notPrincipal, actions, notAction, resources,
                notResource, conditions);
    }

    private PolicyParser.Reject reject(PolicyFailure f, String element, String reason) {
        return new PolicyParser.Reject(new PolicyViolation(f, index, sid, element, reason));
    }

    /** G13 also covers characters that arrive as JSON escapes. */
    private void checkStrings(JsonNode n) {
        try {
            if (n.isTextual()) {
                PolicyParser.checkCharacters(n.textValue(), "a value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                PolicyParser.checkCharacters(e.getKey(), "a member name");
                checkStrings(e.getValue());
            }
            if (n.isArray()) {
                n.forEach(this::checkStrings);
            }
        } catch (PolicyParser.Reject r) {
            throw reject(PolicyFailure.InvalidCharacter, null, r.violation.reason());
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
            throw reject(PolicyFailure.InvalidEffect, "Effect", "Effect is missing");
        }
        if (!n.isTextual() || !(n.textValue().equals("Allow") || n.textValue().equals("Deny"))) {
            throw reject(PolicyFailure.InvalidEffect, "Effect", "Effect must be \"Allow\" or \"Deny\", not " + n);
        }
        return Effect.valueOf(n.textValue());
    }

    /** G4, G7, G8, G14. */
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
            throw reject(PolicyFailure.InvalidPrincipal, "Principal", p
                    ? "a statement cannot have both Principal and NotPrincipal"
                    : "a key policy statement needs Principal or NotPrincipal");
        }
        String element = p ? "Principal" : "NotPrincipal";
        if (np && effect == Effect.Allow) {
            throw reject(PolicyFailure.InvalidPrincipal, element, "NotPrincipal with Effect Allow is not supported");
        }
        return new PrincipalSet(principalEntries(node.get(element), element));
    }

    private List<PrincipalEntry> principalEntries(JsonNode n, String element) {
        if (n.isTextual() && n.textValue().equals("*")) {
            return List.of(PrincipalEntry.anyone());
        }
        if (!n.isObject() || n.isEmpty()) {
            throw reject(PolicyFailure.InvalidPrincipal, element, "must be \"*\" or an object such as {\"AWS\": ...}");
        }
        List<PrincipalEntry> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!PRINCIPAL_TYPES.contains(m.getKey())) {
                throw reject(PolicyFailure.InvalidPrincipal, element, "unknown principal type '" + m.getKey() + "'");
            }
            for (String v : strings(m.getValue(), element, PolicyFailure.InvalidPrincipal)) {
                out.add(entry(m.getKey(), v, element));
            }
        }
        return out;
    }

    private PrincipalEntry entry(String member, String value, String element) {
        PrincipalEntry e;
        try {
            e = PrincipalEntry.parse(member, value);
        } catch (IllegalArgumentException ex) {
            throw reject(PolicyFailure.InvalidPrincipal, element, ex.getMessage());
        }
        if (e.kind() == PrincipalEntry.Kind.SERVICE && !KnownServices.contains(e.value())) {
            throw reject(PolicyFailure.InvalidPrincipal, element, "unknown service principal '" + value + "'");
        }
        if (directory != null && !exists(e)) {
            throw reject(PolicyFailure.PrincipalNotFound, element, "'" + value + "' does not exist");
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
        List<String> values = strings(node.get(element), element, PolicyFailure.InvalidStatementElement);
        for (String v : values) {
            if (!ACTION.matcher(v).matches()) {
                throw reject(PolicyFailure.InvalidStatementElement, element,
                        "'" + v + "' is not \"*\" or service:ActionName");
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
        List<String> values = strings(node.get(element), element, PolicyFailure.InvalidStatementElement);
        return new ResourceSet(values, variables);
    }

    /** The one of two exclusive elements present; identity policies need one of them (G4, G14). */
    private String pair(String positive, String negative) {
        boolean a = node.has(positive);
        boolean b = node.has(negative);
        if (a && b) {
            throw reject(PolicyFailure.InvalidStatementElement, positive,
                    positive + " and " + negative + " cannot both be present");
        }
        if (!a && !b && kind == PolicyKind.IDENTITY) {
            throw reject(PolicyFailure.InvalidStatementElement, positive,
                    "an identity-policy statement needs " + positive + " or " + negative);
        }
        return a ? positive : b ? negative : null;
    }

    /** A string or a non-empty array of non-empty strings. */
    private List<String> strings(JsonNode n, String element, PolicyFailure failure) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.textValue());
        } else if (n.isArray() && !n.isEmpty()) {
            n.forEach(v -> out.add(v.isTextual() ? v.textValue() : null));
        }
        if (out.isEmpty() || out.contains(null) || out.contains("")) {
            throw reject(failure, element, "must be a non-empty string or a non-empty array of strings");
        }
        return out;
    }

    /** G11, G12. */
    private List<Condition> conditions() {
        JsonNode n = node.get("Condition");
        if (n == null) {
            return List.of();
        }
        if (!n.isObject()) {
            throw reject(PolicyFailure.InvalidStatementElement, "Condition", "Condition must be an object");
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> block = it.next();
            ConditionOperator op = ConditionOperator.parse(block.getKey()).orElseThrow(() -> reject(
                    PolicyFailure.InvalidConditionOperator, "Condition", "unknown operator '" + block.getKey() + "'"));
            if (!block.getValue().isObject()) {
                throw reject(PolicyFailure.InvalidStatementElement, "Condition",
                        op + " must map condition keys to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = block.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> k = keys.next();
                out.add(condition(op, k.getKey(), k.getValue()));
            }
        }
        return out;
    }

    private Condition condition(ConditionOperator op, String key, JsonNode value) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (op.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                && (lower.startsWith("kms:encryptioncontext:") || lower.startsWith("aws:requesttag/"))) {
            throw reject(PolicyFailure.OverlyPermissiveCondition, "Condition", op + " on " + key
                    + " also matches requests without that key; use a single-valued operator");
        }
        List<String> values = new ArrayList<>();
        if (value.isArray() && !value.isEmpty()) {
            value.forEach(v -> values.add(scalar(v)));
        } else if (!value.isArray()) {
            values.add(scalar(value));
        }
        if (values.isEmpty() || values.contains(null)) {
            throw reject(PolicyFailure.InvalidStatementElement, "Condition", op + " " + key
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

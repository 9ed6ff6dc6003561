package io.kmsd.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kmsd.api.auth.IdentitiesFile.AccountDoc;
import io.kmsd.api.auth.IdentitiesFile.KeyDoc;
import io.kmsd.api.auth.IdentitiesFile.RoleDoc;
import io.kmsd.api.auth.IdentitiesFile.SessionDoc;
import io.kmsd.api.auth.IdentitiesFile.UserDoc;
import io.kmsd.core.key.AccountId;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the parsed identities document into credentials, checking every name, key and policy. */
final class IdentityBuilder {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/([\\x21-\\x7E]*/)?");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

    private final ObjectMapper json;
    private final List<Credential> credentials = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();
    private final List<String> principals = new ArrayList<>();

    IdentityBuilder(ObjectMapper json) {
        this.json = json;
    }

    IdentityStore build(IdentitiesFile.Document doc) {
        for (int i = 0; i < doc.accounts().size(); i++) {
            account(doc.accounts().get(i), "accounts[" + i + "]");
        }
        return IdentityStore.of(credentials, accounts, principals);
    }

    private void account(AccountDoc doc, String where) {
        if (doc == null || !AccountId.isValid(doc.id())) {
            throw new IllegalArgumentException(where + ": id must be a 12-digit account id in quotes");
        }
        AccountId account = new AccountId(doc.id());
        if (accounts.contains(doc.id())) {
            throw new IllegalArgumentException(where + ": account " + doc.id() + " is defined twice");
        }
        accounts.add(doc.id());
        if (doc.root() != null) {
            keys(doc.root().accessKeys(), Principal.root(account, null), where + ".root");
        }
        List<UserDoc> users = list(doc.users());
        for (int i = 0; i < users.size(); i++) {
            user(account, users.get(i), where + ".users[" + i + "]");
        }
        List<RoleDoc> roles = list(doc.roles());
        for (int i = 0; i < roles.size(); i++) {
            role(account, roles.get(i), where + ".roles[" + i + "]");
        }
    }

    private void user(AccountId account, UserDoc doc, String where) {
        if (doc == null) {
            throw new IllegalArgumentException(where + ": empty user");
        }
        String path = path(doc.path(), where);
        String arn = Principal.userArn(account, path, name(doc.name(), where));
        principals.add(arn);
        Principal p = new Principal(account, arn, PrincipalType.User, Optional.empty(), tags(doc.tags(), where), null,
                policies(doc.policies(), where));
        keys(doc.accessKeys(), p, where);
    }

    private void role(AccountId account, RoleDoc doc, String where) {
        if (doc == null) {
            throw new IllegalArgumentException(where + ": empty role");
        }
        String name = name(doc.name(), where);
        String roleArn = Principal.roleArn(account, path(doc.path(), where), name);
        principals.add(roleArn);
        List<String> policies = policies(doc.policies(), where);
        List<SessionDoc> sessions = list(doc.sessions());
        for (int i = 0; i < sessions.size(); i++) {
            SessionDoc s = sessions.get(i);
            String at = where + ".sessions[" + i + "]";
            if (s == null) {
                throw new IllegalArgumentException(at + ": empty session");
            }
            String arn = Principal.sessionArn(account, name, name(s.name(), at));
            Map<String, String> tags = tags(s.tags() != null ? s.tags() : doc.tags(), at);
            keys(s.accessKeys(), new Principal(account, arn, PrincipalType.AssumedRole, Optional.of(roleArn),
                    tags, null, policies), at);
        }
    }

    private void keys(List<KeyDoc> docs, Principal principal, String where) {
        List<KeyDoc> keys = list(docs);
        for (int i = 0; i < keys.size(); i++) {
            credentials.add(credential(keys.get(i), principal, where + ".accessKeys[" + i + "]"));
        }
    }

    private Credential credential(KeyDoc k, Principal principal, String where) {
        if (k == null || k.id() == null || !ACCESS_KEY_ID.matcher(k.id()).matches()) {
            throw new IllegalArgumentException(where + ": id must be 16-128 letters, digits or underscores");
        }
        if (k.secret() == null || k.secret().isEmpty()) {
            throw new IllegalArgumentException(where + " (" + k.id() + "): secret is missing");
        }
        Principal withKey = new Principal(principal.account(), principal.arn(), principal.type(),
                principal.roleArn(), principal.tags(), k.id(), principal.identityPolicies());
        return new Credential(k.id(), k.secret(), withKey, Optional.ofNullable(k.sessionToken()),
                expiration(k, where), active(k, where));
    }

    private static Optional<Instant> expiration(KeyDoc k, String where) {
        try {
            return Optional.ofNullable(k.expiration()).map(Instant::parse);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": expiration must be an ISO-8601 instant such as "
                    + "2030-01-01T00:00:00Z");
        }
    }

    private static boolean active(KeyDoc k, String where) {
        if (k.status() == null || k.status().equals("Active")) {
            return true;
        }
        if (k.status().equals("Inactive")) {
            return false;
        }
        throw new IllegalArgumentException(where + ": status must be Active or Inactive");
    }

    private List<String> policies(List<JsonNode> docs, String where) {
        List<String> out = new ArrayList<>();
        List<JsonNode> nodes = list(docs);
        for (int i = 0; i < nodes.size(); i++) {
            out.add(policyText(nodes.get(i), where + ".policies[" + i + "]"));
        }
        return out;
    }

    /** A mapping is written as compact JSON; a string must already be a JSON object. */
    private String policyText(JsonNode node, String where) {
        try {
            JsonNode doc = node != null && node.isTextual() ? json.readTree(node.textValue()) : node;
            if (doc == null || !doc.isObject()) {
                throw new IllegalArgumentException(where + ": a policy must be a JSON object or a mapping");
            }
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": policy is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String name(String name, String where) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": name must be 1-64 characters of [A-Za-z0-9+=,.@_-]");
        }
        return name;
    }

    private static String path(String path, String where) {
        String p = path == null ? "/" : path;
        if (!PATH.matcher(p).matches() || p.length() > 512) {
            throw new IllegalArgumentException(where + ": path must start and end with '/', e.g. /payments/");
        }
        return p;
    }

    private static Map<String, String> tags(Map<String, String> tags, String where) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.containsKey(null) || tags.containsValue(null)) {
            throw new IllegalArgumentException(where + ": every tag needs a key and a value (use \"\" for empty)");
        }
        return tags;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}

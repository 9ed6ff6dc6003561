package io.kmsd.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the identities file (DESIGN "Identities file"): accounts with an optional root, users, roles and role
 * sessions, each with access keys, tags, a path and inline identity policies (JSON text or YAML mappings,
 * kept as compact JSON text). Unknown fields are errors, so a typo cannot silently drop a credential.
 */
public final class IdentitiesFile {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private IdentitiesFile() {
    }

    /** Loads and checks {@code file}; every problem is an {@link IdentitiesException} naming the file. */
    public static IdentityStore load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IdentitiesException("identities file " + file + " does not exist");
        } catch (IOException e) {
            throw new IdentitiesException("identities file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Parses identities from YAML text; {@code source} names it in error messages. */
    public static IdentityStore parse(String yaml, String source) {
        Document doc;
        try {
            doc = YAML.readValue(yaml, Document.class);
        } catch (JsonProcessingException e) {
            throw new IdentitiesException("identities file " + source + " is not valid: "
                    + e.getOriginalMessage() + location(e));
        }
        if (doc == null || doc.accounts() == null || doc.accounts().isEmpty()) {
            throw new IdentitiesException("identities file " + source + " defines no accounts");
        }
        try {
            return new IdentityBuilder(JSON).build(doc);
        } catch (IllegalArgumentException e) {
            throw new IdentitiesException("identities file " + source + ": " + e.getMessage());
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    record Document(List<AccountDoc> accounts) {
    }

    record AccountDoc(String id, RootDoc root, List<UserDoc> users, List<RoleDoc> roles) {
    }

    record RootDoc(List<KeyDoc> accessKeys) {
    }

    record UserDoc(String name, String path, Map<String, String> tags, List<KeyDoc> accessKeys,
                   List<JsonNode> policies) {
    }

    record RoleDoc(String name, String path, Map<String, String> tags, List<JsonNode> policies,
                   List<SessionDoc> sessions) {
    }

    record SessionDoc(String name, Map<String, String> tags, List<KeyDoc> accessKeys) {
    }

    /** {@code status} is {@code Active} (default) or {@code Inactive}; {@code expiration} is ISO-8601. */
    record KeyDoc(String id, String secret, String sessionToken, String expiration, String status) {
        @Override
        public String toString() {
            return "KeyDoc[" + id + "]";
        }
    }
}

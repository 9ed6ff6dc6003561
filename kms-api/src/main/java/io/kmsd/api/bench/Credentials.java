package io.kmsd.api.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An access key pair (and optional session token) the load tool signs with. {@link #toString()} never shows the
 * secret or the token.
 */
public record Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

    public Credentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("access key id missing");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secret access key missing for " + accessKeyId);
        }
        sessionToken = sessionToken == null ? Optional.empty() : sessionToken.filter(t -> !t.isBlank());
    }

    public Credentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, Optional.empty());
    }

    /** Reads one profile of an AWS shared-credentials file ({@code [profile]} then {@code key = value} lines). */
    public static Credentials fromProfile(Path file, String profile) {
        Map<String, String> values = section(readLines(file), profile);
        if (values == null) {
            throw new IllegalArgumentException("no profile [" + profile + "] in " + file);
        }
        if (!values.containsKey("aws_access_key_id") || !values.containsKey("aws_secret_access_key")) {
            throw new IllegalArgumentException("profile [" + profile + "] in " + file
                    + " needs aws_access_key_id and aws_secret_access_key");
        }
        return new Credentials(values.get("aws_access_key_id"), values.get("aws_secret_access_key"),
                Optional.ofNullable(values.get("aws_session_token")));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + " (" + e.getMessage()
                    + "); pass --access-key/--secret-key or start the server once to create it");
        }
    }

    /** The key/value pairs of section {@code name}, or null if there is no such section. */
    private static Map<String, String> section(List<String> lines, String name) {
        Map<String, String> found = null;
        boolean inside = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inside = line.substring(1, line.length() - 1).strip().equals(name);
                found = inside && found == null ? new HashMap<>() : found;
            } else if (inside && line.indexOf('=') > 0) {
                int eq = line.indexOf('=');
                found.put(line.substring(0, eq).strip().toLowerCase(), line.substring(eq + 1).strip());
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "Credentials[" + accessKeyId + (sessionToken.isPresent() ? ", with session token]" : "]");
    }
}

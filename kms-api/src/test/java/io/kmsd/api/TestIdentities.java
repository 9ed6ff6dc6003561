package io.kmsd.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Callers of the full-application tests: an identities file (DESIGN "Identities file") with two accounts.
 * Account A: alice (identity policy {@code kms:*}), role KeyAdmin (same) with a session, and users without
 * identity policies whose access comes from key policies or grants only — {@code kadmin} (key administrator),
 * {@code kuser} (key user), {@code gina} (grantee), {@code rita} (retiring principal) — and {@code creator}
 * (identity policy: CreateKey and PutKeyPolicy only). Account B: bob (no identity policy) and carol (identity
 * policy {@code kms:*}).
 */
public final class TestIdentities {
    public static final String ACCOUNT_A = "111122223333";
    public static final String ACCOUNT_B = "444455556666";
    public static final String ALICE_KEY = "AKIAALICE00000000001";
    public static final String ALICE_SECRET = "alice/secret+0123456789abcdefghijklmnopq";
    public static final String BOB_KEY = "AKIABOB0000000000001";
    public static final String BOB_SECRET = "bob/secret+0123456789abcdefghijklmnopqrst";
    public static final String SESSION_KEY = "ASIASESSION000000001";
    public static final String SESSION_SECRET = "session/secret+0123456789abcdefghijklmno";
    public static final String SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN-session-1";
    public static final String INACTIVE_KEY = "AKIAINACTIVE00000001";
    /** Users whose access key is {@code AKIA<NAME>...} and secret {@code <name>-secret}: see {@link #keyOf}. */
    public static final List<String> PLAIN_USERS_A = List.of("kadmin", "kuser", "gina", "rita");

    private TestIdentities() {
    }

    /** The access key id of a user of {@link #PLAIN_USERS_A}, {@code creator} or {@code carol}. */
    public static String keyOf(String user) {
        String id = "AKIA" + user.toUpperCase(Locale.ROOT);
        return id + "0".repeat(20 - id.length());
    }

    public static String secretOf(String user) {
        return user + "-secret/0123456789abcdefghijklmnopqrstu";
    }

    /** The YAML of the users of account A without {@code kms:*}, indented for the users list. */
    private static String plainUsers() {
        StringBuilder sb = new StringBuilder();
        for (String u : PLAIN_USERS_A) {
            sb.append("      - name: ").append(u).append("\n        accessKeys: [{id: ").append(keyOf(u))
                    .append(", secret: \"").append(secretOf(u)).append("\"}]\n");
        }
        return sb.append("""
                      - name: creator
                        accessKeys: [{id: %s, secret: "%s"}]
                        policies:
                          - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:CreateKey", "kms:PutKeyPolicy", "kms:DescribeKey"], "Resource": "*"}]}
                """.formatted(keyOf("creator"), secretOf("creator"))).toString();
    }

    public static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("identities.yml"), """
                    accounts:
                      - id: "%s"
                        users:
                          - name: alice
                            path: /payments/
                            tags: {team: payments}
                            accessKeys:
                              - {id: %s, secret: "%s"}
                              - {id: %s, secret: "inactive-secret", status: Inactive}
                            policies:
                              - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                    %s
                        roles:
                          - name: KeyAdmin
                            policies:
                              - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                            sessions:
                              - name: admin-session
                                accessKeys: [{id: %s, secret: "%s", sessionToken: "%s"}]
                      - id: "%s"
                        users:
                          - name: bob
                            accessKeys: [{id: %s, secret: "%s"}]
                          - name: carol
                            accessKeys: [{id: %s, secret: "%s"}]
                            policies:
                              - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}
                    """.formatted(ACCOUNT_A, ALICE_KEY, ALICE_SECRET, INACTIVE_KEY, plainUsers(), SESSION_KEY,
                    SESSION_SECRET, SESSION_TOKEN, ACCOUNT_B, BOB_KEY, BOB_SECRET, keyOf("carol"),
                    secretOf("carol")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

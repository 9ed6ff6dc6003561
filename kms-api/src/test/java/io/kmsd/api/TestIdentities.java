package io.kmsd.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Callers of the full-application tests: an identities file (DESIGN "Identities file") with two accounts. */
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

    private TestIdentities() {
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
                        roles:
                          - name: KeyAdmin
                            sessions:
                              - name: admin-session
                                accessKeys: [{id: %s, secret: "%s", sessionToken: "%s"}]
                      - id: "%s"
                        users:
                          - name: bob
                            accessKeys: [{id: %s, secret: "%s"}]
                    """.formatted(ACCOUNT_A, ALICE_KEY, ALICE_SECRET, INACTIVE_KEY, SESSION_KEY, SESSION_SECRET,
                    SESSION_TOKEN, ACCOUNT_B, BOB_KEY, BOB_SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

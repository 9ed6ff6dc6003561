package io.kmsd.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identities file of DESIGN "Identities file": principals, ARNs, tags, policies, and every refusal. */
class IdentitiesFileTest {
    static final String FULL = """
            accounts:
              - id: "111122223333"
                root:
                  accessKeys: [{id: AKIAROOT000000000001, secret: "root-secret"}]
                users:
                  - name: alice
                    path: /payments/
                    tags: {team: payments}
                    accessKeys: [{id: AKIAALICE00000000001, secret: "alice-secret"}]
                    policies:
                      - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Encrypt", "Resource": "*"}]}
                      - '{"Version": "2012-10-17", "Statement": []}'
                      - Version: "2012-10-17"
                        Statement:
                          - Effect: Deny
                            Action: kms:ScheduleKeyDeletion
                            Resource: "*"
                roles:
                  - name: KeyAdmin
                    path: /admins/
                    tags: {role: admin}
                    policies: [{"Version": "2012-10-17", "Statement": []}]
                    sessions:
                      - name: admin-session
                        accessKeys: [{id: ASIASESSION000000001, secret: "s", sessionToken: "tok", expiration: "2030-01-01T00:00:00Z"}]
            """;

    static IdentityStore parse(String yaml) {
        return IdentitiesFile.parse(yaml, "test.yml");
    }

    static void refused(String yaml, String messagePart) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IdentitiesException.class)
                .hasMessageContaining("identities file test.yml").hasMessageContaining(messagePart);
    }

    @Test
    void userHasItsPathTagsAndPoliciesAsJsonText() {
        Principal alice = parse(FULL).credential("AKIAALICE00000000001").orElseThrow().principal();
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::111122223333:user/payments/alice");
        assertThat(alice.type()).isEqualTo(PrincipalType.User);
        assertThat(alice.tags()).containsEntry("team", "payments");
        assertThat(alice.accessKeyId()).isEqualTo("AKIAALICE00000000001");
        assertThat(alice.identityPolicies()).containsExactly(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"kms:ScheduleKeyDeletion\","
                        + "\"Resource\":\"*\"}]}");
    }

    @Test
    void roleSessionIsAnAssumedRoleOfTheRole() {
        Credential c = parse(FULL).credential("ASIASESSION000000001").orElseThrow();
        assertThat(c.principal().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/KeyAdmin/admin-session");
        assertThat(c.principal().type()).isEqualTo(PrincipalType.AssumedRole);
        assertThat(c.principal().roleArn()).contains("arn:aws:iam::111122223333:role/admins/KeyAdmin");
        assertThat(c.principal().tags()).containsEntry("role", "admin");
        assertThat(c.sessionToken()).contains("tok");
        assertThat(c.expiration()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void rootKeysActAsTheAccountRoot() {
        Principal root = parse(FULL).credential("AKIAROOT000000000001").orElseThrow().principal();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(root.type()).isEqualTo(PrincipalType.Root);
    }

    @Test
    void theDirectoryKnowsAccountsUsersAndRoles() {
        IdentityStore store = parse(FULL);
        assertThat(store.accountExists("111122223333")).isTrue();
        assertThat(store.accountExists("999999999999")).isFalse();
        assertThat(store.principalExists("arn:aws:iam::111122223333:user/payments/alice")).isTrue();
        assertThat(store.principalExists("arn:aws:iam::111122223333:role/admins/KeyAdmin")).isTrue();
        assertThat(store.roleNamed("111122223333", "KeyAdmin")).isTrue();
        assertThat(store.roleNamed("111122223333", "Nobody")).isFalse();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void secretsNeverPrint() {
        Credential c = parse(FULL).credential("AKIAALICE00000000001").orElseThrow();
        assertThat(c.toString()).doesNotContain("alice-secret");
        assertThat(parse(FULL).toString()).doesNotContain("secret");
    }

    @Test
    void unknownFieldIsRefusedWithItsPlace() {
        refused("accounts:\n  - id: \"111122223333\"\n    userz: []\n", "unknown field 'userz' at accounts[0].userz");
    }

    @Test
    void accountIdMustBeTwelveDigits() {
        refused("accounts:\n  - id: \"1234\"\n", "accounts[0]: id must be a 12-digit account id");
    }

    @Test
    void accessKeyIdsMustBeUnique() {
        refused("""
                accounts:
                  - id: "111122223333"
                    users:
                      - {name: a, accessKeys: [{id: AKIADUPLICATE0000001, secret: x}]}
                      - {name: b, accessKeys: [{id: AKIADUPLICATE0000001, secret: y}]}
                """, "AKIADUPLICATE0000001 is defined twice");
    }

    @Test
    void missingSecretIsRefusedWithoutShowingAnything() {
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: a, accessKeys: [{id: AKIANOSECRET00000001}]}\n",
                "accounts[0].users[0].accessKeys[0] (AKIANOSECRET00000001): secret is missing");
    }

    @Test
    void policyMustBeAJsonObject() {
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: a, policies: [\"not json\"]}\n",
                "accounts[0].users[0].policies[0]: policy is not valid JSON");
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: a, policies: [[1]]}\n",
                "a policy must be a JSON object");
    }

    @Test
    void badNamesPathsAndStatusesAreRefused() {
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: \"a b\"}\n", "name must be");
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: a, path: payments}\n", "path must");
        refused("accounts:\n  - id: \"111122223333\"\n    users:\n      - {name: a, accessKeys: [{id: AKIASTATUS0000000001, "
                + "secret: s, status: Sleeping}]}\n", "status must be Active or Inactive");
    }

    @Test
    void emptyFileIsRefused() {
        refused("", "defines no accounts");
        refused("accounts: []", "defines no accounts");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> IdentitiesFile.load(dir.resolve("none.yml"))).isInstanceOf(IdentitiesException.class)
                .hasMessageContaining("none.yml does not exist");
    }
}

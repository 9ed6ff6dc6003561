package io.kmsd.api;

import static io.kmsd.api.SdkAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Two servers on ONE embedded PostgreSQL (DESIGN "Grants and grant tokens across nodes", key-policy-semantics
 * E15): with a grant refresh interval of 5 minutes, a grant created on node A works on node B at once with its
 * token and not without it; once B refreshes — its clock is moved past the interval, nobody sleeps — it works
 * without the token; after RevokeGrant on A, B refuses even the token once it refreshes again. Both nodes share
 * the data directory for the root key and identities; the SigV4 skew is raised to 15 minutes so B's moved
 * clock still accepts the SDK's signatures.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SdkTwoNodeGrantTest {
    static final EmbeddedPostgres POSTGRES = startPostgres();
    static final Path DATA = TestServer.newDataDir();
    static final ShiftedClock CLOCK_B = new ShiftedClock();
    static final Duration REFRESH = Duration.ofMinutes(5);
    static final Path CONFIG = TestServer.nodeConfig(DATA, """
              database: {driverClass: org.postgresql.Driver, url: "%s", user: postgres}
              grants: {refreshInterval: 5 minutes}
            """.formatted(POSTGRES.getJdbcUrl("postgres", "postgres")));
    static final DropwizardAppExtension<KmsConfiguration> A = TestServer.node(CONFIG, Clock.systemUTC());
    static final DropwizardAppExtension<KmsConfiguration> B = TestServer.node(CONFIG, CLOCK_B);
    static final SdkBytes HELLO = SdkBytes.fromUtf8String("hello");
    static final String GINA = "arn:aws:iam::111122223333:user/gina";
    static KmsClient aliceOnA;
    static KmsClient ginaOnA;
    static KmsClient ginaOnB;

    static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void clients() {
        aliceOnA = TestServer.client(A, TestServer.alice());
        ginaOnA = TestServer.client(A, TestServer.user("gina"));
        ginaOnB = TestServer.client(B, TestServer.user("gina"));
    }

    @AfterAll
    static void close() throws IOException {
        List.of(aliceOnA, ginaOnA, ginaOnB).forEach(KmsClient::close);
        POSTGRES.close();
    }

    static void denied(ThrowingCallable call) {
        failsWith("AccessDeniedException", null, call);
    }

    static SdkBytes decrypt(KmsClient client, KeyMetadata key, SdkBytes blob, String... tokens) {
        return client.decrypt(r -> r.keyId(key.arn()).ciphertextBlob(blob).grantTokens(tokens)).plaintext();
    }

    @Test
    void bothNodesUseTheOnePostgres() {
        String url = POSTGRES.getJdbcUrl("postgres", "postgres");
        assertThat(A.getConfiguration().getKms().databaseOrDefault().getUrl()).isEqualTo(url);
        assertThat(B.getConfiguration().getKms().databaseOrDefault().getUrl()).isEqualTo(url);
        KeyMetadata key = aliceOnA.createKey(r -> { }).keyMetadata();
        try (KmsClient aliceOnB = TestServer.client(B, TestServer.alice())) {
            assertThat(aliceOnB.describeKey(r -> r.keyId(key.keyId())).keyMetadata().arn()).isEqualTo(key.arn());
        }
    }

    @Test
    void aGrantReachesTheOtherNodeByTokenAtOnceAndByRefreshLater() {
        KeyMetadata key = aliceOnA.createKey(r -> { }).keyMetadata();
        SdkBytes blob = aliceOnA.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)).ciphertextBlob();
        denied(() -> decrypt(ginaOnB, key, blob)); // B now holds the key's grants: none, fresh for 5 minutes

        CreateGrantResponse g = aliceOnA.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.DECRYPT));
        assertThat(decrypt(ginaOnA, key, blob)).isEqualTo(HELLO); // A sees its own change at once
        assertThat(decrypt(ginaOnB, key, blob, g.grantToken())).isEqualTo(HELLO);
        denied(() -> decrypt(ginaOnB, key, blob));

        CLOCK_B.advance(REFRESH.plusMinutes(1));
        assertThat(decrypt(ginaOnB, key, blob)).isEqualTo(HELLO);

        aliceOnA.revokeGrant(r -> r.keyId(key.arn()).grantId(g.grantId()));
        denied(() -> decrypt(ginaOnA, key, blob, g.grantToken()));
        assertThat(decrypt(ginaOnB, key, blob, g.grantToken())).as("B does not know of the revocation yet")
                .isEqualTo(HELLO);

        CLOCK_B.advance(REFRESH.plusMinutes(1));
        denied(() -> decrypt(ginaOnB, key, blob, g.grantToken()));
        denied(() -> decrypt(ginaOnB, key, blob));
    }

    @Test
    void aTokenOfAGrantTheOtherNodeHasNeverSeenIsHonouredAndItsRevocationKnownAtOnceWhenLoaded() {
        KeyMetadata key = aliceOnA.createKey(r -> { }).keyMetadata();
        SdkBytes blob = aliceOnA.encrypt(r -> r.keyId(key.keyId()).plaintext(HELLO)).ciphertextBlob();
        CreateGrantResponse g = aliceOnA.createGrant(r -> r.keyId(key.arn()).granteePrincipal(GINA)
                .operations(GrantOperation.DECRYPT));
        aliceOnA.revokeGrant(r -> r.keyId(key.arn()).grantId(g.grantId()));
        denied(() -> decrypt(ginaOnB, key, blob, g.grantToken())); // B loads the key's grants now: revoked
    }
}

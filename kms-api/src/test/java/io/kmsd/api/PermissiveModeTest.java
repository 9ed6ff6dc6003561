package io.kmsd.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@code kms.auth.mode: permissive} (DESIGN "Configuration"): for test suites, any access key, any signature. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PermissiveModeTest {
    static final DropwizardAppExtension<KmsConfiguration> APP = TestServer.app(
            ConfigOverride.config("kms.auth.mode", "permissive"),
            ConfigOverride.config("kms.auth.defaultAccount", "000011112222"));

    @Test
    void aTwelveDigitAccessKeyIdIsItsAccountWhateverTheSecret() {
        try (KmsClient kms = TestServer.client(APP, AwsBasicCredentials.create("123456789012", "anything"))) {
            assertThat(kms.createKey(r -> { }).keyMetadata().awsAccountId()).isEqualTo("123456789012");
        }
    }

    @Test
    void anUnknownAccessKeyIsTheDefaultAccount() {
        try (KmsClient kms = TestServer.client(APP, AwsBasicCredentials.create("AKIAWHOEVER", "x"))) {
            assertThat(kms.createKey(r -> { }).keyMetadata().awsAccountId()).isEqualTo("000011112222");
        }
    }

    @Test
    void aKnownAccessKeyWithAWrongSecretStillActsAsItsPrincipal() {
        try (KmsClient kms = TestServer.client(APP, AwsBasicCredentials.create(TestIdentities.ALICE_KEY, "wrong"))) {
            assertThat(kms.createKey(r -> { }).keyMetadata().awsAccountId()).isEqualTo(TestIdentities.ACCOUNT_A);
        }
    }

    @Test
    void evenAnUnsignedRequestIsServed() {
        HttpResponse<String> r = new RawKms(TestServer.endpoint(APP)).send(HttpRequest.newBuilder(
                        URI.create(TestServer.endpoint(APP) + "/")).header("X-Amz-Target", "TrentService.ListKeys")
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"Truncated\"");
    }
}

package io.kmsd.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8080", "http://192.0.2.1:8080", "http://0.0.0.0:8080",
            "http://8.8.8.8", "http://[2001:db8::1]:8080", "http://169.254.169.254"})
    void refusesNonLoopbackHosts(String url) {
        assertThatThrownBy(() -> Endpoint.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only targets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:8443", "ftp://127.0.0.1", "127.0.0.1:8080", "", "::::"})
    void refusesAnythingButPlainHttp(String url) {
        assertThatThrownBy(() -> Endpoint.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/kms", "http://user:pw@127.0.0.1:8080", "http://127.0.0.1:8080/?a=b",
            "http://127.0.0.1:0", "http://127.0.0.1:70000"})
    void refusesPathsUserInfoQueriesAndBadPorts(String url) {
        assertThatThrownBy(() -> Endpoint.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordItselfRefusesANonLoopbackAddress() throws Exception {
        InetAddress remote = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        assertThatThrownBy(() -> new Endpoint(remote, 8080, "10.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://localhost:8080",
            "http://127.3.2.1:9000", "http://[::1]:8080", "HTTP://127.0.0.1:8080"})
    void acceptsLoopback(String url) {
        Endpoint e = Endpoint.parse(url);
        assertThat(e.address().isLoopbackAddress()).isTrue();
        assertThat(e.port()).isIn(8080, 9000);
    }

    @Test
    void hostHeaderIsSentAsWrittenWithItsPort() {
        assertThat(Endpoint.parse("http://localhost:8080").hostHeader()).isEqualTo("localhost:8080");
        assertThat(Endpoint.parse("http://127.0.0.1").hostHeader()).isEqualTo("127.0.0.1");
        assertThat(Endpoint.parse("http://127.0.0.1").port()).isEqualTo(80);
    }
}

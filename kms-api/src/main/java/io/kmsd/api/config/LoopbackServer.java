package io.kmsd.api.config;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;

/**
 * The server a configuration without a {@code server:} block gets: API 127.0.0.1:8080, admin 127.0.0.1:8081,
 * no access log. Dropwizard's own default would listen on every interface.
 */
public final class LoopbackServer {
    public static final String LOOPBACK = "127.0.0.1";

    private LoopbackServer() {
    }

    public static DefaultServerFactory defaults() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(http(8080)));
        server.setAdminConnectors(List.of(http(8081)));
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of());
        server.setRequestLogFactory(requestLog);
        return server;
    }

    private static ConnectorFactory http(int port) {
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setBindHost(LOOPBACK);
        http.setPort(port);
        return http;
    }
}

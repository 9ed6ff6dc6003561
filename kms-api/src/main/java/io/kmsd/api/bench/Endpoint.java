package io.kmsd.api.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where the load goes: a plain-HTTP URL whose host resolves to a loopback address. The tool refuses anything else,
 * so it can never be pointed at someone else's service.
 *
 * @param address    the resolved loopback address the sockets connect to
 * @param port       the TCP port
 * @param hostHeader the {@code Host} header, exactly as it is signed and sent ({@code host:port})
 */
public record Endpoint(InetAddress address, int port, String hostHeader) {

    public Endpoint {
        if (address == null || !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the load tool only targets loopback endpoints");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            throw new IllegalArgumentException("host header missing");
        }
    }

    /** Parses {@code http://host:port}; refuses https, paths, user info and hosts that are not loopback. */
    public static Endpoint parse(String url) {
        URI uri = toUri(url);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http:// URL (the load tool speaks plain HTTP): " + url);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("endpoint must be http://HOST:PORT with no path: " + url);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String hostHeader = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + port;
        return new Endpoint(loopback(uri.getHost(), url), port, hostHeader);
    }

    private static URI toUri(String url) {
        try {
            return new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
    }

    private static InetAddress loopback(String host, String url) {
        try {
            // Every address the name resolves to must be loopback, not just the first.
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing non-loopback endpoint " + url
                            + " (" + a.getHostAddress() + "): the load tool only targets 127.0.0.0/8 or ::1");
                }
            }
            return all[0];
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve endpoint host: " + host);
        }
    }

    @Override
    public String toString() {
        return "http://" + hostHeader;
    }
}

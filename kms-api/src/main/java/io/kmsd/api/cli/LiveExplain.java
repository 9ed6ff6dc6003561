package io.kmsd.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.api.bench.Credentials;
import io.kmsd.api.bench.SigV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code ./kms explain --endpoint URL}: asks the running server with our ExplainAccess operation, signed (SigV4)
 * with the caller's credentials, what it would decide now; the server answers with the explanation rendered by
 * the same code as the offline modes. {@code --context} may carry what ExplainAccess takes as parameters:
 * {@code kms:EncryptionContext:KEY=VALUE} and {@code kms:EncryptionAlgorithm=ALG}; the server derives the rest
 * (time, source address, tags) itself.
 */
final class LiveExplain {
    static final String TARGET = "TrentService.ExplainAccess";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String CONTEXT_PREFIX = "kms:encryptioncontext:";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The server could not be asked, or refused the question. */
    static final class NoAnswer extends Exception {
        NoAnswer(String message) {
            super(message);
        }
    }

    private LiveExplain() {
    }

    static ExplainVerdict ask(Namespace ns) throws IOException, NoAnswer {
        URI endpoint = endpoint(ns.getString("endpoint"));
        byte[] body = JSON.writeValueAsBytes(body(ns));
        HttpRequest request = signed(endpoint, body, new SigV4Signer(credentials(ns), ns.getString("region")));
        HttpResponse<String> response = send(request, endpoint);
        JsonNode answer = parse(response.body(), endpoint);
        if (response.statusCode() != 200) { // AccessDeniedException carries "Message", the others "message" (§1.2)
            throw new NoAnswer(endpoint + " refused ExplainAccess: " + answer.path("__type").asText("HTTP "
                    + response.statusCode()) + ": " + answer.path("message").asText(answer.path("Message").asText("")));
        }
        return new ExplainVerdict(answer.path("Decision").asText(), answer.path("Text").asText(),
                JSON.writeValueAsString(answer.path("Explanation")));
    }

    /** {@code --access-key}/{@code --secret-key}[/{@code --session-token}], else {@code --profile} of the file. */
    static Credentials credentials(Namespace ns) {
        String key = ns.getString("access_key");
        if (key == null) {
            return Credentials.fromProfile(Path.of(ns.getString("credentials_file")), ns.getString("profile"));
        }
        if (ns.getString("secret_key") == null) {
            throw new IllegalArgumentException("--access-key needs --secret-key");
        }
        return new Credentials(key, ns.getString("secret_key"), Optional.ofNullable(ns.getString("session_token")));
    }

    /** The ExplainAccess request the flags describe. */
    static ObjectNode body(Namespace ns) {
        require(ns.getString("key_arn"), "--key-arn");
        require(ns.getString("action"), "--action");
        ObjectNode body = JSON.createObjectNode().put("KeyId", ns.getString("key_arn"))
                .put("Action", ns.getString("action"));
        if (ns.getString("principal") != null) {
            body.put("Principal", ns.getString("principal"));
        }
        List<String> context = ns.getList("context");
        for (String kv : context == null ? List.<String>of() : context) {
            context(body, kv);
        }
        return body;
    }

    private static void context(ObjectNode body, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--context must be KEY=VALUE: " + kv);
        }
        String key = kv.substring(0, eq);
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CONTEXT_PREFIX) && lower.length() > CONTEXT_PREFIX.length()) {
            body.withObjectProperty("EncryptionContext").put(key.substring(CONTEXT_PREFIX.length()), kv.substring(eq + 1));
        } else if (lower.equals("kms:encryptionalgorithm")) {
            body.put("EncryptionAlgorithm", kv.substring(eq + 1));
        } else {
            throw new IllegalArgumentException("--context " + key + " cannot be given with --endpoint: the server "
                    + "derives it from the request (kms:EncryptionContext:KEY and kms:EncryptionAlgorithm can be given)");
        }
    }

    private static HttpRequest signed(URI endpoint, byte[] body, SigV4Signer signer) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort());
        headers.put("x-amz-date", SigV4Signer.amzDate(Instant.now().getEpochSecond()));
        headers.put("content-type", CONTENT_TYPE);
        headers.put("x-amz-target", TARGET);
        signer.credentials().sessionToken().ifPresent(t -> headers.put("x-amz-security-token", t));
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", signer.authorization("POST", "/", headers, signer.payloadHash(body)));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                b.header(name, value);
            }
        });
        return b.build();
    }

    private static HttpResponse<String> send(HttpRequest request, URI endpoint) throws NoAnswer {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NoAnswer(endpoint + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while asking " + endpoint);
        }
    }

    private static JsonNode parse(String body, URI endpoint) throws NoAnswer {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new NoAnswer(endpoint + " did not answer with JSON");
        }
    }

    private static URI endpoint(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint is not a URL: " + text);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--endpoint must be an http:// or https:// URL: " + text);
        }
        return uri;
    }

    private static void require(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " is required with --endpoint");
        }
    }
}

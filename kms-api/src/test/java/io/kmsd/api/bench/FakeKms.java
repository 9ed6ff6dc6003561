package io.kmsd.api.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in KMS for load-tool tests (the JDK's HTTP server, so the client meets a different HTTP stack from
 * Jetty): checks each request's signature against the headers and body as received, and answers Ping, CreateKey,
 * Encrypt, Decrypt, GenerateDataKey, Sign (CreateKey of a SIGN_VERIFY key lists ECDSA_SHA_256); DescribeKey always
 * fails with a namespaced NotFoundException.
 */
final class FakeKms implements AutoCloseable {
    static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String BLOB = "AQIDBA==";
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/kms/aws4_request, SignedHeaders=([^,]+), Signature=\\w+");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Credentials credentials;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong wrongCiphertexts = new AtomicLong();

    FakeKms(Credentials credentials) throws IOException {
        this.credentials = credentials;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long calls(String target) {
        return calls.getOrDefault(target, new AtomicLong()).get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long wrongCiphertexts() {
        return wrongCiphertexts.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String target = ex.getRequestURI().getPath().equals("/ping") ? "Ping"
                : String.valueOf(ex.getRequestHeaders().getFirst("X-Amz-Target")).replace("TrentService.", "");
        calls.computeIfAbsent(target, t -> new AtomicLong()).incrementAndGet();
        if (!signatureValid(ex, body)) {
            badSignatures.incrementAndGet();
            reply(ex, 400, "{\"__type\":\"InvalidSignatureException\",\"message\":\"The request signature we calculated does not match\"}");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        switch (target) {
            case "Ping" -> reply(ex, 200, "{}");
            case "CreateKey" -> reply(ex, 200, "{\"KeyMetadata\":{\"Arn\":\"" + KEY_ARN + "\",\"KeyId\":\"x\""
                    + (text.contains("SIGN_VERIFY") ? ",\"SigningAlgorithms\":[\"ECDSA_SHA_256\"]" : "") + "}}");
            case "Sign" -> sign(ex, text);
            case "Encrypt" -> reply(ex, 200, "{\"CiphertextBlob\":\"" + BLOB + "\",\"KeyId\":\"" + KEY_ARN + "\"}");
            case "Decrypt" -> decrypt(ex, text);
            case "GenerateDataKey" -> reply(ex, 200, "{\"CiphertextBlob\":\"" + BLOB + "\",\"Plaintext\":\"AAAA\"}");
            case "DescribeKey" -> reply(ex, 400,
                    "{\"__type\":\"com.amazon.coral.service#NotFoundException:http://internal\",\"message\":\"nope\"}");
            default -> reply(ex, 400, "{\"__type\":\"UnknownOperationException\"}");
        }
    }

    private void decrypt(HttpExchange ex, String body) throws IOException {
        if (!body.contains("\"CiphertextBlob\":\"" + BLOB + "\"")) {
            wrongCiphertexts.incrementAndGet();
            reply(ex, 400, "{\"__type\":\"InvalidCiphertextException\",\"message\":\"\"}");
        } else {
            reply(ex, 200, "{\"Plaintext\":\"aGVsbG8=\",\"KeyId\":\"" + KEY_ARN + "\"}");
        }
    }

    private void sign(HttpExchange ex, String body) throws IOException {
        if (!body.contains("\"KeyId\":\"" + KEY_ARN + "\"")
                || !body.contains("\"SigningAlgorithm\":\"ECDSA_SHA_256\"")) {
            reply(ex, 400, "{\"__type\":\"ValidationException\",\"message\":\"wrong Sign body\"}");
        } else {
            reply(ex, 200, "{\"Signature\":\"" + BLOB + "\",\"KeyId\":\"" + KEY_ARN + "\"}");
        }
    }

    /** Recomputes the signature from the request as received (headers named in SignedHeaders, raw body). */
    private boolean signatureValid(HttpExchange ex, byte[] body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : AUTH.matcher(auth);
        if (m == null || !m.matches() || !m.group(1).equals(credentials.accessKeyId())) {
            return false;
        }
        TreeMap<String, String> signed = new TreeMap<>();
        for (String name : m.group(4).split(";")) {
            String value = ex.getRequestHeaders().getFirst(name);
            if (value == null) {
                return false;
            }
            signed.put(name, value);
        }
        SigV4Signer verifier = new SigV4Signer(credentials, m.group(3));
        String expected = verifier.authorization(ex.getRequestMethod(), ex.getRequestURI().getPath(), signed,
                verifier.payloadHash(body));
        return expected.equals(auth);
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

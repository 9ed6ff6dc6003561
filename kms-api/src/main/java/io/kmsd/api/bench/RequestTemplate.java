package io.kmsd.api.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * One fixed request: method, path, {@code X-Amz-Target} and body bytes. {@link #signer} gives each connection
 * thread a {@link Signed} view that renders the signed request head, re-signing only when the second (and so
 * {@code X-Amz-Date}) changes, which keeps the client's share of the two cores small.
 */
final class RequestTemplate {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final String target;
    private final byte[] body;

    private RequestTemplate(String method, String path, String target, byte[] body) {
        this.method = method;
        this.path = path;
        this.target = target;
        this.body = body;
    }

    /** {@code GET /ping}: unsigned-body, no target. */
    static RequestTemplate ping() {
        return new RequestTemplate("GET", "/ping", null, NO_BODY);
    }

    /** {@code POST /} with {@code X-Amz-Target: TrentService.<operation>} and a JSON body. */
    static RequestTemplate call(String operation, Object bodyMembers, ObjectMapper json) {
        try {
            return new RequestTemplate("POST", "/", "TrentService." + operation, json.writeValueAsBytes(bodyMembers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + operation + " body", e);
        }
    }

    static RequestTemplate of(Operation operation, Fixture fixture, ObjectMapper json) {
        return operation.isPing() ? ping() : call(operation.wireName(), operation.body(fixture), json);
    }

    byte[] body() {
        return body;
    }

    /** A per-thread signing view of this template. */
    Signed signer(Endpoint endpoint, SigV4Signer signer) {
        return new Signed(endpoint, signer);
    }

    /** Renders the request line and headers (everything before the body), signed. Not thread-safe. */
    final class Signed {
        private final Endpoint endpoint;
        private final SigV4Signer signer;
        private final String payloadHash;
        private long signedSecond = Long.MIN_VALUE;
        private byte[] head;

        private Signed(Endpoint endpoint, SigV4Signer signer) {
            this.endpoint = endpoint;
            this.signer = signer;
            this.payloadHash = signer.payloadHash(body);
        }

        byte[] body() {
            return body;
        }

        /** The head signed at {@code epochSecond}; the same bytes are reused within one second. */
        byte[] head(long epochSecond) {
            if (epochSecond != signedSecond) {
                head = render(epochSecond).getBytes(StandardCharsets.ISO_8859_1);
                signedSecond = epochSecond;
            }
            return head;
        }

        private String render(long epochSecond) {
            TreeMap<String, String> signed = signedHeaders(SigV4Signer.amzDate(epochSecond));
            StringBuilder sb = new StringBuilder(512).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            signed.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
            sb.append("authorization: ").append(signer.authorization(method, path, signed, payloadHash)).append("\r\n");
            if (target != null) {
                sb.append("content-length: ").append(body.length).append("\r\n");
            }
            return sb.append("\r\n").toString();
        }

        private TreeMap<String, String> signedHeaders(String amzDate) {
            TreeMap<String, String> h = new TreeMap<>();
            h.put("host", endpoint.hostHeader());
            h.put("x-amz-date", amzDate);
            signer.credentials().sessionToken().ifPresent(t -> h.put("x-amz-security-token", t));
            if (target != null) {
                h.put("content-type", CONTENT_TYPE);
                h.put("x-amz-target", target);
            }
            return h;
        }
    }
}

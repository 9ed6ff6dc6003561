package io.kmsd.api.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The SigV4 canonical request and string to sign (kms-api §1.5 steps 7–8). The path is normalized and
 * encoded once more, as the SDKs do for every service but S3; query names and values are re-encoded and
 * sorted; header values are trimmed with inner whitespace runs collapsed, repeated values joined by commas.
 */
public final class CanonicalRequest {
    private CanonicalRequest() {
    }

    public static String of(SignedRequest request, AuthorizationHeader auth, String payloadHash) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method()).append('\n');
        sb.append(uri(request.rawPath())).append('\n');
        sb.append(query(request.rawQuery())).append('\n');
        for (String name : auth.signedHeaders()) {
            sb.append(name).append(':').append(headerValue(request.headerValues(name))).append('\n');
        }
        sb.append('\n').append(auth.signedHeadersText()).append('\n').append(payloadHash);
        return sb.toString();
    }

    public static String stringToSign(String requestTime, String scope, String canonicalRequest) {
        return AuthorizationHeader.ALGORITHM + "\n" + requestTime + "\n" + scope + "\n"
                + Hashing.sha256Hex(canonicalRequest);
    }

    static String uri(String rawPath) {
        String normalized = normalize(rawPath);
        return encode(normalized, true);
    }

    static String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(new String[] {encode(decode(name), false), encode(decode(value), false)});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    static String headerValue(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v.strip().replaceAll("\\s+", " "));
        }
        return sb.toString();
    }

    /** Removes {@code .} and {@code ..} segments and empty segments, keeping a trailing slash. */
    private static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                segments.pollLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.addLast(s);
            }
        }
        String joined = "/" + String.join("/", segments);
        return path.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
    }

    /** RFC 3986: unreserved characters stay, everything else is %XX (upper-case hex). */
    private static String encode(String text, boolean keepSlash) {
        StringBuilder sb = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static String decode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && isHex(in[i + 1]) && isHex(in[i + 2])) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}

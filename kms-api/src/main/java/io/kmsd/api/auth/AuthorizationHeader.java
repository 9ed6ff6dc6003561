package io.kmsd.api.auth;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=<AKID>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<h1;h2>, Signature=<hex>} header (kms-api §1.5 step 1). Anything unparsable is an
 * IncompleteSignatureException naming every missing part, as the service does.
 */
public record AuthorizationHeader(String accessKeyId, String scopeDate, String scopeRegion, String scopeService,
                                  String scopeTerminator, String signedHeadersText, List<String> signedHeaders,
                                  String signature) {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The credential scope, {@code <date>/<region>/<service>/aws4_request}. */
    public String scope() {
        return scopeDate + "/" + scopeRegion + "/" + scopeService + "/" + scopeTerminator;
    }

    public static AuthorizationHeader parse(String header) {
        String text = header.strip();
        int space = text.indexOf(' ');
        String algorithm = space < 0 ? text : text.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'. Only '" + ALGORITHM
                    + "' is supported.");
        }
        Map<String, String> params = parameters(space < 0 ? "" : text.substring(space + 1));
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (params.getOrDefault(name, "").isEmpty()) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(String.join(" ", missing) + " Authorization=" + text);
        }
        return build(params.get("Credential"), params.get("SignedHeaders"), params.get("Signature"));
    }

    private static AuthorizationHeader build(String credential, String signedHeaders, String signature) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || anyEmpty(scope)) {
            throw incomplete("Credential should have scope of exactly 5 slash-separated parts "
                    + "<access-key-id>/<date>/<region>/<service>/aws4_request: '" + credential + "'.");
        }
        List<String> headers = List.of(signedHeaders.split(";", -1));
        if (!headers.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, headers,
                signature);
    }

    /** {@code k=v} pairs separated by commas and optional spaces. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return params;
    }

    private static boolean anyEmpty(String[] parts) {
        for (String p : parts) {
            if (p.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static KmsException incomplete(String message) {
        return new KmsException(KmsError.IncompleteSignature, message);
    }
}

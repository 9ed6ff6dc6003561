package io.kmsd.api.protocol;

import io.kmsd.api.auth.Principal;
import io.kmsd.api.authz.AuthzDecision;
import io.kmsd.api.authz.RequestFacts;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request on its way through a handler: who, where, when, under which request id — and what
 * the handler touched and was told by the authorizer, for the audit record. Confined to the request's thread.
 */
public final class Call {
    private final String requestId;
    private final String operation;
    private final Principal principal;
    private final Region region;
    private final Instant time;
    private final ClientInfo client;
    private final List<KeyArn> keys = new ArrayList<>(2);
    private final List<AuthzDecision> decisions = new ArrayList<>(2);
    private final Map<KeyArn, KeyState> statesBefore = new HashMap<>(4);

    public Call(String requestId, String operation, Principal principal, Region region, Instant time,
                ClientInfo client) {
        this.requestId = requestId;
        this.operation = operation;
        this.principal = principal;
        this.region = region;
        this.time = time;
        this.client = client;
    }

    public String requestId() {
        return requestId;
    }

    public String operation() {
        return operation;
    }

    public Principal principal() {
        return principal;
    }

    /** The caller's account: where alias names and bare key ids resolve (kms-api §2). */
    public AccountId account() {
        return principal.account();
    }

    /** The request's Region namespace: its credential scope Region. */
    public Region region() {
        return region;
    }

    public Instant time() {
        return time;
    }

    /** The facts every authorization question about this request starts from. */
    public RequestFacts facts() {
        return RequestFacts.of(time, region, client.sourceIp(), client.userAgent(), client.secure());
    }

    /** Records that the request acted on (or asked about) this key. */
    public void touched(KeyArn key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    /** Records that the request acted on this key, and the key's state before it did (for the audit record). */
    public void touched(KeyFacts key) {
        touched(key.arn());
        statesBefore.putIfAbsent(key.arn(), key.state());
    }

    public void decided(AuthzDecision decision) {
        decisions.add(decision);
    }

    public List<KeyArn> keys() {
        return List.copyOf(keys);
    }

    public List<AuthzDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The state each touched key had when the request first looked at it. */
    public Map<KeyArn, KeyState> statesBefore() {
        return Map.copyOf(statesBefore);
    }

    public ClientInfo client() {
        return client;
    }

    /** Where a request came from, as the HTTP layer saw it. */
    public record ClientInfo(Optional<String> sourceIp, Optional<String> userAgent, boolean secure) {
        public static final ClientInfo UNKNOWN = new ClientInfo(Optional.empty(), Optional.empty(), false);
    }
}

package io.kmsd.policy.cedar;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.kmsd.policy.condition.ContextEntry;
import io.kmsd.policy.principal.Principal;
import io.kmsd.policy.request.AuthorizationRequest;
import io.kmsd.policy.request.KeyAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An authorization request in the shape {@link KmsCedarSchema} describes: principal, action, resource, context
 * and the entities they refer to. {@code identityAllowed}/{@code identityDenied} say what the caller's identity
 * policies decided (E7–E9: the external root user counts as allowed), as the IAM side computed it.
 */
record CedarRequest(EntityUID principal, EntityUID action, EntityUID resource, Map<String, Value> context,
        Set<Entity> entities) {
    private static final EntityTypeName ACCOUNT = type("Account");
    private static final EntityTypeName ROLE = type("Role");
    private static final EntityTypeName KEY = type("Key");
    private static final EntityTypeName REQUEST = type("Request");
    private static final EntityTypeName ACTION = type("Action");
    /** Multivalued context keys with a typed attribute (C10). */
    private static final Map<String, String> SETS = Map.of("kms:encryptioncontextkeys", "encryptionContextKeys",
            "kms:grantoperations", "grantOperations", "kms:resourcealiases", "resourceAliases", "aws:tagkeys", "tagKeys");

    static CedarRequest of(AuthorizationRequest r, boolean identityAllowed, boolean identityDenied) {
        Entities entities = new Entities();
        EntityUID principal = principal(r.caller().principal(), entities);
        String callerAccount = r.caller().principal().account();
        EntityUID resource = r.hasKeyResource() ? key(r, entities)
                : account(callerAccount == null ? "none" : callerAccount, entities);
        EntityUID request = new EntityUID(REQUEST, "request");
        Map<String, Value> tags = new HashMap<>();
        Map<String, Value> ctx = new HashMap<>();
        for (ContextEntry e : r.context().entries()) {
            String lower = e.key().toLowerCase(Locale.ROOT);
            if (!e.multivalued()) {
                tags.put(lower, new PrimString(e.first()));
            } else if (SETS.containsKey(lower)) {
                ctx.put(SETS.get(lower), strings(e.values()));
            }
        }
        entities.add(new Entity(request, Map.of(), Set.of(), tags));
        ctx.put("request", request);
        ctx.put("identityAllowed", new PrimBool(identityAllowed));
        ctx.put("identityDenied", new PrimBool(identityDenied));
        typed(r, ctx);
        EntityUID action = action(r.action().operation(), entities);
        return new CedarRequest(principal, action, resource, ctx, Set.copyOf(entities.byUid.values()));
    }

    private static void typed(AuthorizationRequest r, Map<String, Value> ctx) {
        ContextEntry secure = r.context().lookup("aws:SecureTransport");
        ctx.put("secureTransport", new PrimBool(secure == null || "true".equalsIgnoreCase(secure.first())));
        put(ctx, "viaService", r.context().lookup("kms:ViaService"));
        put(ctx, "callerAccount", r.context().lookup("kms:CallerAccount"));
        ContextEntry ip = r.context().lookup("aws:SourceIp");
        if (ip != null && !ip.multivalued()) {
            try {
                ctx.put("sourceIp", new IpAddress(ip.first()));
            } catch (IllegalArgumentException e) {
                // not an address: left out, as a malformed aws:SourceIp matches no IP operator
            }
        }
    }

    private static void put(Map<String, Value> ctx, String name, ContextEntry e) {
        if (e != null && !e.multivalued()) {
            ctx.put(name, new PrimString(e.first()));
        }
    }

    private static EntityUID principal(Principal p, Entities entities) {
        if (p.isService()) {
            EntityUID uid = new EntityUID(type("Service"), p.arn());
            entities.add(new Entity(uid, Map.of("name", new PrimString(p.arn())), Set.of()));
            return uid;
        }
        Set<EntityUID> parents = new HashSet<>();
        parents.add(account(p.account(), entities));
        Map<String, Value> attrs = new HashMap<>();
        attrs.put("arn", new PrimString(p.arn()));
        attrs.put("account", new PrimString(p.account()));
        String type = switch (p.type()) {
            case User -> "User";
            case AssumedRole -> "Session";
            case FederatedUser -> "FederatedUser";
            default -> "Root";
        };
        if (p.roleArn() != null) {
            parents.add(role(p, entities));
            attrs.put("role", new PrimString(p.roleArn()));
        }
        if (type.equals("User")) {
            attrs.put("name", new PrimString(p.userName()));
        }
        EntityUID uid = new EntityUID(type(type), p.arn());
        Map<String, Value> tags = new HashMap<>();
        p.tags().forEach((k, v) -> tags.put(k, new PrimString(v)));
        entities.add(new Entity(uid, attrs, parents, type.equals("Root") ? Map.of() : tags));
        return uid;
    }

    private static EntityUID role(Principal p, Entities entities) {
        EntityUID uid = new EntityUID(ROLE, p.roleArn());
        entities.add(new Entity(uid, Map.of("arn", new PrimString(p.roleArn()), "account",
                new PrimString(p.account())), Set.of(account(p.account(), entities))));
        return uid;
    }

    private static EntityUID key(AuthorizationRequest r, Entities entities) {
        KeyAttributes a = r.key().attributes();
        EntityUID uid = new EntityUID(KEY, r.key().arnText());
        Map<String, Value> attrs = new HashMap<>();
        attrs.put("arn", new PrimString(r.key().arnText()));
        attrs.put("account", new PrimString(r.key().account()));
        attrs.put("keySpec", new PrimString(a.keySpec()));
        attrs.put("keyUsage", new PrimString(a.keyUsage()));
        attrs.put("origin", new PrimString(a.origin()));
        attrs.put("multiRegion", new PrimBool(a.multiRegion()));
        attrs.put("aliases", strings(a.aliases()));
        Map<String, Value> tags = new HashMap<>();
        a.tags().forEach((k, v) -> tags.put(k, new PrimString(v)));
        entities.add(new Entity(uid, attrs, Set.of(account(r.key().account(), entities)), tags));
        return uid;
    }

    /** The action with its groups as parents: without a schema Cedar knows action groups only from entities. */
    private static EntityUID action(String operation, Entities entities) {
        EntityUID uid = new EntityUID(ACTION, operation);
        Set<EntityUID> groups = new HashSet<>();
        if (io.kmsd.policy.actions.KmsActions.isKnown(operation)) {
            KmsCedarSchema.groupsOf(operation).forEach(g -> groups.add(new EntityUID(ACTION, g)));
        }
        entities.add(new Entity(uid, Map.of(), groups));
        return uid;
    }

    private static EntityUID account(String id, Entities entities) {
        EntityUID uid = new EntityUID(ACCOUNT, id);
        entities.add(new Entity(uid));
        return uid;
    }

    /** Entities by UID: an account named twice (caller and key) is one entity. */
    private static final class Entities {
        final Map<EntityUID, Entity> byUid = new LinkedHashMap<>();

        void add(Entity e) {
            byUid.putIfAbsent(e.getEUID(), e);
        }
    }

    private static CedarList strings(List<String> values) {
        return new CedarList(values.stream().map(v -> (Value) new PrimString(v)).toList());
    }

    private static EntityTypeName type(String name) {
        return EntityTypeName.parse(CedarText.NAMESPACE + "::" + name).orElseThrow();
    }
}

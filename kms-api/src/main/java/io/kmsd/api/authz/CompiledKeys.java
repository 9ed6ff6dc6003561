package io.kmsd.api.authz;

import io.kmsd.core.key.KeyFacts;
import io.kmsd.core.key.KeyMetadata;
import io.kmsd.core.key.Tag;
import io.kmsd.policy.document.PolicyDocument;
import io.kmsd.policy.document.PolicyParser;
import io.kmsd.policy.request.KeyAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each key's policy compiled once (STYLE "compile policies once"): the engine's view of a key is kept per key
 * ARN together with the core facts it was made from. Core hands out the same facts object while a key is
 * unchanged, so the common request is one map lookup and one identity comparison; a new facts object with the
 * same policy text (a tag or alias changed) reuses the compiled policy; a new text is compiled again.
 */
final class CompiledKeys {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledKeys.class);
    /** A stored policy that no longer compiles allows nothing (one inert statement) rather than failing. */
    private static final String INERT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\"}]}";

    private final ConcurrentMap<io.kmsd.core.key.KeyArn, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(KeyFacts source, io.kmsd.policy.request.KeyFacts compiled) {
    }

    /** The engine's view of {@code key}: ARN, compiled key policy and attributes. */
    io.kmsd.policy.request.KeyFacts of(KeyFacts key) {
        Entry e = entries.get(key.arn());
        if (e != null && e.source == key) {
            return e.compiled;
        }
        PolicyDocument policy = e != null && e.source.policy().equals(key.policy())
                ? e.compiled.policy() : compile(key);
        io.kmsd.policy.request.KeyFacts compiled = new io.kmsd.policy.request.KeyFacts(key.arn(), policy,
                attributes(key));
        entries.put(key.arn(), new Entry(key, compiled));
        return compiled;
    }

    int size() {
        return entries.size();
    }

    /** kms:KeySpec, kms:KeyUsage, kms:KeyOrigin, kms:MultiRegion[KeyType], kms:ResourceAliases, aws:ResourceTag. */
    static KeyAttributes attributes(KeyFacts key) {
        KeyMetadata m = key.metadata();
        Map<String, String> tags = new HashMap<>();
        for (Tag t : key.tags()) {
            tags.put(t.key(), t.value());
        }
        return new KeyAttributes(m.keySpec().name(), m.keyUsage().name(), m.origin().name(), m.multiRegion(),
                m.multiRegion() ? "PRIMARY" : null, key.aliases().stream().map(a -> a.value()).toList(), tags);
    }

    /** Principal existence is not checked here (G8c applies when a policy is written, not to stored ones). */
    private static PolicyDocument compile(KeyFacts key) {
        try {
            return PolicyParser.parseKeyPolicy(key.policy(), null);
        } catch (RuntimeException e) {
            LOG.warn("the stored policy of {} does not compile and allows nothing: {}", key.arn(), e.getMessage());
            return PolicyParser.parseKeyPolicy(INERT, null);
        }
    }
}

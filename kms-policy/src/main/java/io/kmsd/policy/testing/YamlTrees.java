package io.kmsd.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML test files as Jackson trees. SnakeYAML composes the node graph (so anchors and aliases work, which
 * Jackson's YAML parser drops), and scalars are converted by their resolved tag: timestamps stay text (so
 * {@code Version: 2012-10-17} needs no quotes), duplicate mapping keys are rejected.
 */
final class YamlTrees {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private YamlTrees() {
    }

    static JsonNode read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        Node root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
        return root == null ? F.missingNode() : convert(root, new IdentityHashMap<>());
    }

    private static JsonNode convert(Node n, Map<Node, Boolean> path) {
        if (path.put(n, Boolean.TRUE) != null) {
            throw new IllegalArgumentException("recursive YAML alias at line " + (n.getStartMark().getLine() + 1));
        }
        try {
            if (n instanceof MappingNode m) {
                return mapping(m, path);
            }
            if (n instanceof SequenceNode s) {
                ArrayNode a = F.arrayNode();
                s.getValue().forEach(item -> a.add(convert(item, path)));
                return a;
            }
            return scalar((ScalarNode) n);
        } finally {
            path.remove(n);
        }
    }

    private static ObjectNode mapping(MappingNode m, Map<Node, Boolean> path) {
        ObjectNode o = F.objectNode();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new IllegalArgumentException("mapping keys must be scalars (line "
                        + (t.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
            if (o.has(k.getValue())) {
                throw new IllegalArgumentException("duplicate key '" + k.getValue() + "' at line "
                        + (k.getStartMark().getLine() + 1));
            }
            o.set(k.getValue(), convert(t.getValueNode(), path));
        }
        return o;
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String b = v.toLowerCase(Locale.ROOT);
            return F.booleanNode(b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y"));
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                BigDecimal d = new BigDecimal(v.replace("_", ""));
                return d.scale() <= 0 && Tag.INT.equals(tag) ? F.numberNode(d.toBigIntegerExact()) : F.numberNode(d);
            } catch (NumberFormatException | ArithmeticException e) {
                return F.textNode(v);
            }
        }
        return F.textNode(v);
    }
}

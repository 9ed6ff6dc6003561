package io.kmsd.policy.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy test file: a decision-vector file (V1) {@code {"format":"kms-policy-decision-vectors/1","set":…,
 * "vectors":[…]}}, a suite ({@link SuiteFile}, {@code format: kms-policy-suite/1}), or a bare vector object (one
 * vector, as {@code ./kms explain --request}); JSON or YAML by extension.
 */
public record VectorFile(Path path, String set, String description, List<DecisionVector> vectors) {
    public static final String FORMAT = "kms-policy-decision-vectors/1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public VectorFile {
        vectors = List.copyOf(vectors);
    }

    /** Reads a file; IOException for unreadable files, IllegalArgumentException for ones of another shape. */
    public static VectorFile load(Path path) throws IOException {
        JsonNode root = read(path);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(path + " is not a JSON/YAML object");
        }
        if (SuiteFile.isSuite(root)) {
            return SuiteFile.load(path, root);
        }
        if (!root.has("vectors")) {
            if (root.has("request") && root.has("caller")) {
                return new VectorFile(path, null, null, List.of(DecisionVector.of(root)));
            }
            throw new IllegalArgumentException(path + " is not a decision-vector file (no \"vectors\")");
        }
        String format = root.path("format").asText(FORMAT);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(path + ": unsupported format '" + format + "'");
        }
        List<DecisionVector> vs = new ArrayList<>();
        root.get("vectors").forEach(v -> vs.add(DecisionVector.of(v)));
        return new VectorFile(path, root.path("set").asText(null), root.path("description").asText(null), vs);
    }

    /** True when the file parses and looks like a vector file or a suite (used when walking folders). */
    public static boolean looksLikeVectorFile(Path path) {
        try {
            JsonNode root = read(path);
            return root != null && root.isObject() && (root.has("vectors") || FORMAT.equals(root.path("format").asText())
                    || SuiteFile.isSuite(root));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static JsonNode read(Path path) throws IOException {
        String text = Files.readString(path);
        try {
            return isYaml(path) ? YamlTrees.read(text) : JSON.readTree(text);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
        }
    }
}

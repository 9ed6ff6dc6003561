package io.kmsd.core.crypto.asymmetric;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the known-answer files under {@code src/test/resources/vectors/}: records of {@code name = value} lines
 * separated by blank lines; {@code #} starts a comment line.
 */
final class Vectors {
    private Vectors() {
    }

    static List<Map<String, String>> load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> parse(BufferedReader reader) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                addIfAny(records, current);
                current = new LinkedHashMap<>();
            } else if (!line.startsWith("#")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        addIfAny(records, current);
        return records;
    }

    private static void addIfAny(List<Map<String, String>> records, Map<String, String> record) {
        if (!record.isEmpty()) {
            records.add(record);
        }
    }
}

package io.kmsd.policy.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assignments of values to keys, each key also left out: all combinations when there are at most {@code max}, else
 * the empty assignment plus each key alone with each of its values (the diff then says it varied keys one at a
 * time).
 */
final class Combinations {
    private Combinations() {
    }

    static <V> List<Map<String, V>> of(Map<String, List<V>> dims, int max) {
        long product = 1;
        for (List<V> values : dims.values()) {
            product *= values.size() + 1;
            if (product > max) {
                return oneAtATime(dims);
            }
        }
        List<Map<String, V>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<V>> d : dims.entrySet()) {
            List<Map<String, V>> next = new ArrayList<>();
            for (Map<String, V> partial : out) {
                next.add(partial);
                for (V v : d.getValue()) {
                    Map<String, V> m = new LinkedHashMap<>(partial);
                    m.put(d.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static <V> boolean exhaustive(Map<String, List<V>> dims, int max) {
        long product = 1;
        for (List<V> values : dims.values()) {
            product *= values.size() + 1;
            if (product > max) {
                return false;
            }
        }
        return true;
    }

    private static <V> List<Map<String, V>> oneAtATime(Map<String, List<V>> dims) {
        List<Map<String, V>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        dims.forEach((k, values) -> values.forEach(v -> {
            Map<String, V> m = new LinkedHashMap<>();
            m.put(k, v);
            out.add(m);
        }));
        return out;
    }
}

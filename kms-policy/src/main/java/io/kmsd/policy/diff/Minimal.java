package io.kmsd.policy.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces changes to their minimal contexts: among the changes of one principal (with its identity side) and
 * action that went the same way for the same deciding statements, a change is dropped when another one's context
 * (principal attributes included) is contained in its own — the smaller context already shows the difference.
 */
final class Minimal {
    private Minimal() {
    }

    static List<Change> of(List<Change> changes) {
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (Change c : changes) {
            String key = c.principal() + "|" + c.identityAllows() + "|" + c.action() + "|" + c.newDecision() + "|"
                    + c.newDeciding();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Change> out = new ArrayList<>();
        for (List<Change> g : groups.values()) {
            for (Change c : g) {
                boolean covered = g.stream().anyMatch(o -> o != c && contains(c, o) && (!contains(o, c)
                        || g.indexOf(o) < g.indexOf(c)));
                if (!covered) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** True when {@code inner}'s context is part of {@code outer}'s (an any-context change is part of every one). */
    private static boolean contains(Change outer, Change inner) {
        if (inner.anyContext()) {
            return outer.context().entrySet().containsAll(inner.context().entrySet());
        }
        return !outer.anyContext() && outer.context().entrySet().containsAll(inner.context().entrySet());
    }
}

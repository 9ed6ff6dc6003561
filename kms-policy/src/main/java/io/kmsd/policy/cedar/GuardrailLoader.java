package io.kmsd.policy.cedar;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads guardrail files policy by policy, so every error can name its file and line: parse errors, policies that
 * are not {@code forbid}, duplicate ids, and everything the Cedar validator finds against {@link KmsCedarSchema}.
 */
final class GuardrailLoader {
    private final Map<String, PolicySource> policies = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    void add(String file, String text) {
        List<PolicySource> sources = PolicySource.split(file, text);
        String stem = file.endsWith(".cedar") ? file.substring(0, file.length() - ".cedar".length()) : file;
        for (int i = 0; i < sources.size(); i++) {
            parse(sources.get(i), stem + "#" + i);
        }
        String tail = PolicySource.unterminated(file, text, sources);
        if (tail != null) {
            problems.add(tail);
        }
    }

    private void parse(PolicySource src, String defaultId) {
        String at = src.file() + ":" + src.firstLine() + ": ";
        Policy p;
        try {
            p = Policy.parseStaticPolicy(src.text());
        } catch (AuthException | RuntimeException e) {
            problems.add(at + clean(e.getMessage()));
            return;
        }
        try {
            String id = p.getAnnotation("id");
            id = id == null ? defaultId : id;
            if (p.effect() != com.cedarpolicy.model.Effect.FORBID) {
                problems.add(at + "guardrails can only deny: use forbid, not permit");
            } else if (policies.putIfAbsent(id, src) != null) {
                problems.add(at + "the policy id \"" + id + "\" is already used at " + policies.get(id).file() + ":"
                        + policies.get(id).firstLine());
            }
        } catch (AuthException e) {
            problems.add(at + clean(e.getMessage()));
        }
    }

    /** The policies once validated against the schema; throws every problem found. */
    Map<String, PolicySource> validated() {
        if (!policies.isEmpty()) {
            validate();
        }
        if (!problems.isEmpty()) {
            throw new GuardrailException(problems);
        }
        return policies;
    }

    private void validate() {
        Set<Policy> set = new HashSet<>();
        policies.forEach((id, src) -> set.add(new Policy(src.text(), id)));
        try {
            ValidationResponse r = new BasicAuthorizationEngine().validate(
                    new ValidationRequest(KmsCedarSchema.parsed(), new PolicySet(set)));
            if (r.success.isEmpty()) {
                r.errors.ifPresent(es -> es.forEach(e -> problems.add("guardrails: " + message(e))));
                return;
            }
            Map<String, Integer> found = new java.util.TreeMap<>(GuardrailLoader::byFileAndLine);
            for (ValidationResponse.ValidationError e : r.success.get().validationErrors) {
                PolicySource src = policies.get(e.getPolicyId());
                DetailedError d = e.getError();
                int offset = d.sourceLocations.isEmpty() ? PolicySource.firstCode(src.text()) : d.sourceLocations.get(0).start;
                found.merge(src.where(offset) + ": " + PER_ACTION.matcher(message(d)).replaceAll(""), 1, Integer::sum);
            }
            found.forEach((m, n) -> problems.add(m + (n > 1 ? " (for " + n + " actions)" : "")));
        } catch (AuthException e) {
            problems.add("guardrails: " + clean(e.getMessage()));
        }
    }

    /** The validator reports a problem once per action the policy applies to; one report is enough. */
    private static final java.util.regex.Pattern PER_ACTION = java.util.regex.Pattern.compile(" for Kms::Action::\"[^\"]*\"");

    /** {@code file:line: message} ordered by file, then line as a number, then message. */
    private static int byFileAndLine(String a, String b) {
        String[] x = a.split(":", 3);
        String[] y = b.split(":", 3);
        int c = x[0].compareTo(y[0]);
        if (c != 0 || x.length < 3 || y.length < 3) {
            return c != 0 ? c : a.compareTo(b);
        }
        c = Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        return c != 0 ? c : x[2].compareTo(y[2]);
    }

    private static String message(DetailedError d) {
        return d.message + d.help.map(h -> " (" + h + ")").orElse("");
    }

    /** Cedar's JNI messages carry an implementation prefix the user does not need. */
    static String clean(String m) {
        return m == null ? "invalid policy" : m.replace("Internal error: ", "").replace("Internal JNI Error: ", "");
    }
}

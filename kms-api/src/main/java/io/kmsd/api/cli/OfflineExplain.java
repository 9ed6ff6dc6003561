package io.kmsd.api.cli;

import io.kmsd.policy.cedar.Guardrails;
import io.kmsd.policy.eval.Decision;
import io.kmsd.policy.eval.Evaluator;
import io.kmsd.policy.explain.Explainer;
import io.kmsd.policy.explain.Explanation;
import io.kmsd.policy.explain.JsonRenderer;
import io.kmsd.policy.explain.TextRenderer;
import io.kmsd.policy.testing.ExplainRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code ./kms explain} from flags or a {@code --request} vector: kms-policy's engine, no server. */
final class OfflineExplain {
    private static final Evaluator EVALUATOR = new Evaluator();

    private OfflineExplain() {
    }

    static ExplainVerdict flags(Namespace ns) throws IOException {
        ExplainRequest r = new ExplainRequest().principal(ns.getString("principal")).action(ns.getString("action"))
                .keyArn(ns.getString("key_arn"));
        if (ns.getString("key_policy") != null) {
            r.keyPolicy(Path.of(ns.getString("key_policy")));
        }
        if (ns.getString("grants") != null) {
            r.grants(Path.of(ns.getString("grants")));
        }
        list(ns, "identity_policy").forEach(p -> r.identityPolicy(Path.of(p)));
        list(ns, "context").forEach(r::context);
        return explain(guardrails(ns).apply(r.decide(EVALUATOR)));
    }

    static ExplainVerdict request(Namespace ns) throws IOException {
        return explain(guardrails(ns).apply(ExplainRequest.decideFile(Path.of(ns.getString("request")), EVALUATOR)));
    }

    static ExplainVerdict explain(Decision d) {
        Explanation x = Explainer.explain(d);
        return new ExplainVerdict(x.decision(), TextRenderer.render(x), JsonRenderer.render(x));
    }

    private static Guardrails guardrails(Namespace ns) {
        String dir = ns.getString("guardrails");
        return dir == null ? Guardrails.none() : Guardrails.load(Path.of(dir));
    }

    private static List<String> list(Namespace ns, String dest) {
        List<String> values = ns.getList(dest);
        return values == null ? List.of() : values;
    }
}

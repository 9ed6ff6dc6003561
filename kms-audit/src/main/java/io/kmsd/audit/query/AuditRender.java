package io.kmsd.audit.query;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.RequestParameter;
import io.kmsd.audit.Resource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Output of {@code kms audit search}: an aligned table for people, JSON Lines ({@code --json}) for scripts. */
public final class AuditRender {
    static final List<String> HEADER = List.of("TIME", "EVENT", "PRINCIPAL", "KEY", "RESULT", "DECISION");

    private AuditRender() {
    }

    /** One event per line, the event JSON exactly as {@link AuditJson} writes it. */
    public static String jsonLines(List<AuditEvent> events) {
        StringBuilder s = new StringBuilder();
        events.forEach(e -> s.append(AuditJson.toJson(e)).append('\n'));
        return s.toString();
    }

    /** A header and one row per event, columns padded to their widest cell; ends with a count line. */
    public static String table(List<AuditEvent> events) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        events.forEach(e -> rows.add(row(e)));
        int[] widths = new int[HEADER.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder s = new StringBuilder();
        rows.forEach(r -> s.append(line(r, widths)).append('\n'));
        return s.append(events.size()).append(events.size() == 1 ? " event\n" : " events\n").toString();
    }

    static List<String> row(AuditEvent e) {
        String principal = e.userIdentity().arn() != null ? e.userIdentity().arn() : e.userIdentity().type();
        String result = e.succeeded() ? "OK" : e.errorCode();
        return List.of(e.eventTime().truncatedTo(ChronoUnit.SECONDS).toString(), e.eventName(), principal, key(e),
                result, e.decision().outcome().name());
    }

    private static String key(AuditEvent e) {
        return e.resources().stream().map(Resource::arn).findFirst()
                .or(() -> e.requestParameters().text(RequestParameter.KEY_ID)).orElse("-");
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            s.append(cells.get(i));
            if (i < cells.size() - 1) {
                s.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        return s.toString();
    }
}

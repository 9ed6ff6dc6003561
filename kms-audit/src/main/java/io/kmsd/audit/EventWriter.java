package io.kmsd.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} as the exact bytes Jackson writes with {@link AuditJson#mapper()} (same members,
 * order, escapes and number forms), without reflection: every request serializes one event on its own thread,
 * and Jackson's databind path cost about 8 µs of it (async-profiler, Encrypt under {@code ./kms load}).
 * EventWriterProperties checks the byte equality on random events.
 */
final class EventWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 = as is, -1 = \\u00XX, else the letter after the backslash (Jackson's standard escapes). */
    private static final int[] ESCAPES = new int[128];
    private static final long SECONDS_PER_DAY = 86_400;
    /** 10000-01-01T00:00:00Z: from there on ISO years take a sign and more digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

    static {
        Arrays.fill(ESCAPES, 0, 32, -1);
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] out = new byte[2048];
    private int size;
    /** True until the object or array being written has its first member or element. */
    private boolean first;

    private EventWriter() {
    }

    static byte[] write(AuditEvent e) {
        EventWriter w = new EventWriter();
        w.event(e);
        return Arrays.copyOf(w.out, w.size);
    }

    private void event(AuditEvent e) {
        open('{');
        text("eventVersion", e.eventVersion());
        name("userIdentity");
        identity(e.userIdentity());
        time("eventTime", e.eventTime());
        text("eventSource", e.eventSource());
        text("eventName", e.eventName());
        text("awsRegion", e.awsRegion());
        text("sourceIPAddress", e.sourceIPAddress());
        text("userAgent", e.userAgent());
        text("errorCode", e.errorCode());
        text("errorMessage", e.errorMessage());
        name("requestParameters");
        fields(e.requestParameters());
        name("responseElements");
        fields(e.responseElements());
        text("requestID", e.requestID());
        text("eventID", e.eventID());
        flag("readOnly", e.readOnly());
        name("resources");
        resources(e.resources());
        text("eventType", e.eventType());
        flag("managementEvent", e.managementEvent());
        text("recipientAccountId", e.recipientAccountId());
        text("sharedEventID", e.sharedEventID());
        text("eventCategory", e.eventCategory());
        name("decision");
        decision(e.decision());
        close('}');
    }

    private void identity(UserIdentity u) {
        open('{');
        text("type", u.type());
        text("principalId", u.principalId());
        text("arn", u.arn());
        text("accountId", u.accountId());
        text("accessKeyId", u.accessKeyId());
        text("userName", u.userName());
        if (u.sessionContext() != null) {
            name("sessionContext");
            session(u.sessionContext());
        }
        text("invokedBy", u.invokedBy());
        close('}');
    }

    private void session(SessionContext s) {
        open('{');
        SessionContext.Issuer i = s.sessionIssuer();
        name("sessionIssuer");
        open('{');
        text("type", i.type());
        text("principalId", i.principalId());
        text("arn", i.arn());
        text("accountId", i.accountId());
        text("userName", i.userName());
        close('}');
        name("attributes");
        open('{');
        time("creationDate", s.attributes().creationDate());
        text("mfaAuthenticated", s.attributes().mfaAuthenticated());
        close('}');
        close('}');
    }

    private void resources(List<Resource> resources) {
        open('[');
        for (Resource r : resources) {
            comma();
            open('{');
            text("accountId", r.accountId());
            text("type", r.type());
            text("ARN", r.arn());
            close('}');
        }
        close(']');
    }

    private void decision(Decision d) {
        open('{');
        text("outcome", d.outcome().name());
        name("deciding");
        open('[');
        for (Decision.Ref ref : d.deciding()) {
            comma();
            open('{');
            text("source", ref.source());
            text("id", ref.id());
            close('}');
        }
        close(']');
        text("reason", d.reason());
        close('}');
    }

    private void fields(FieldMap<?> map) {
        open('{');
        for (Map.Entry<? extends FieldKey, Object> e : map.asMap().entrySet()) {
            name(e.getKey().jsonName());
            value(e.getKey().kind(), e.getValue());
        }
        close('}');
    }

    @SuppressWarnings("unchecked")
    private void value(ValueKind kind, Object v) {
        switch (kind) {
            case TEXT -> string((String) v);
            case NUMBER -> ascii(Long.toString((Long) v));
            case FLAG -> ascii(v.toString());
            case TIME -> instant((Instant) v);
            case LIST -> list((List<String>) v);
            case MAP -> map((Map<String, String>) v);
        }
    }

    private void list(List<String> items) {
        open('[');
        for (String s : items) {
            comma();
            string(s);
        }
        close(']');
    }

    /** Map values are sorted already ({@link ValueKind}), as Jackson's ORDER_MAP_ENTRIES_BY_KEYS would write them. */
    private void map(Map<String, String> entries) {
        open('{');
        entries.forEach((k, v) -> {
            name(k);
            string(v);
        });
        close('}');
    }

    private void text(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
    }

    private void time(String name, Instant value) {
        if (value != null) {
            name(name);
            instant(value);
        }
    }

    /**
     * {@code Instant.toString()} (Jackson's InstantSerializer form: ISO-8601 in UTC, seconds always, a fraction of 3, 6
     * or 9 digits only when non-zero) written digit by digit for the years 1970-9999; the formatter cost 0.5% of the
     * server's CPU per Encrypt. Other instants take {@code toString()}.
     */
    private void instant(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            string(t.toString());
            return;
        }
        LocalDate day = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int time = (int) (seconds % SECONDS_PER_DAY);
        ensure(32);
        out[size++] = '"';
        digits(day.getYear(), 4, '-');
        digits(day.getMonthValue(), 2, '-');
        digits(day.getDayOfMonth(), 2, 'T');
        digits(time / 3600, 2, ':');
        digits(time / 60 % 60, 2, ':');
        int nano = t.getNano();
        if (nano == 0) {
            digits(time % 60, 2, 'Z');
        } else {
            digits(time % 60, 2, '.');
            fraction(nano);
        }
        out[size++] = '"';
    }

    private void fraction(int nano) {
        if (nano % 1_000_000 == 0) {
            digits(nano / 1_000_000, 3, 'Z');
        } else if (nano % 1_000 == 0) {
            digits(nano / 1_000, 6, 'Z');
        } else {
            digits(nano, 9, 'Z');
        }
    }

    /** {@code value} in exactly {@code width} digits, then {@code after}. */
    private void digits(int value, int width, char after) {
        int rest = value;
        for (int at = size + width - 1; at >= size; at--) {
            out[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += width;
        out[size++] = (byte) after;
    }

    /** The ISO form {@link #write} gives an instant, for tests. */
    static String iso(Instant t) {
        EventWriter w = new EventWriter();
        w.instant(t);
        return new String(w.out, 1, w.size - 2, StandardCharsets.US_ASCII);
    }

    private void flag(String name, boolean value) {
        name(name);
        ascii(value ? "true" : "false");
    }

    private void name(String name) {
        comma();
        string(name);
        put(':');
    }

    private void open(char c) {
        put(c);
        first = true;
    }

    private void close(char c) {
        put(c);
        first = false;
    }

    private void comma() {
        if (!first) {
            put(',');
        }
        first = false;
    }

    /** Plain ASCII runs are copied in a tight loop on locals; anything else takes {@link #special}. */
    private void string(String s) {
        int length = s.length();
        ensure(length * 6 + 2);
        byte[] o = out;
        int at = size;
        o[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                o[at++] = (byte) c;
            } else {
                size = at;
                special(c);
                at = size;
            }
        }
        o[at++] = '"';
        size = at;
    }

    /** A character that is escaped or takes more than one byte. */
    private void special(char c) {
        if (c < 0x80 && ESCAPES[c] > 0) {
            out[size++] = '\\';
            out[size++] = (byte) ESCAPES[c];
        } else if (c < 0x80) {
            unicodeEscape(c);
        } else if (c < 0x800) {
            out[size++] = (byte) (0xC0 | c >> 6);
            out[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isSurrogate(c)) {
            unicodeEscape(c); // as Jackson does: each half of a pair, and a lone one, as its escape
        } else {
            out[size++] = (byte) (0xE0 | c >> 12);
            out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void unicodeEscape(char c) {
        out[size++] = '\\';
        out[size++] = 'u';
        out[size++] = HEX[c >> 12];
        out[size++] = HEX[c >> 8 & 0xF];
        out[size++] = HEX[c >> 4 & 0xF];
        out[size++] = HEX[c & 0xF];
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}

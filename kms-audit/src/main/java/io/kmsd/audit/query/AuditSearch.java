package io.kmsd.audit.query;

import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.chain.ChainedRecord;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.LogFiles.LogFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code kms audit search DIR}: reads the trail file by file and keeps the events a query matches, in
 * trail order. It does not verify (that is {@code kms audit verify}); lines that are not records, such
 * as a torn tail, are skipped. Files that cannot hold events of the time range are not read: a file
 * holds events from its creation to the next file's, give or take {@link #TIME_SLACK}.
 */
public final class AuditSearch {
    /** An event's time is taken when the request arrives, a little before it is written. */
    static final Duration TIME_SLACK = Duration.ofMinutes(5);

    private AuditSearch() {
    }

    public static List<AuditEvent> search(Path dir, AuditQuery query) {
        Deque<AuditEvent> out = new ArrayDeque<>();
        List<LogFile> logs = LogFiles.logs(dir);
        for (int i = 0; i < logs.size(); i++) {
            Instant next = i + 1 < logs.size() ? logs.get(i + 1).created() : Instant.MAX;
            if (mayHold(logs.get(i).created(), next, query)) {
                forEachEvent(logs.get(i).path(), e -> keep(out, e, query));
            }
        }
        return new ArrayList<>(out);
    }

    /** One event by its id (for {@code kms explain --audit-event ID}). */
    public static Optional<AuditEvent> findEvent(Path dir, String eventId) {
        return search(dir, AuditQuery.ALL.withEventId(eventId)).stream().findFirst();
    }

    private static void keep(Deque<AuditEvent> out, AuditEvent e, AuditQuery q) {
        if (q.matches(e)) {
            out.addLast(e);
            if (q.limit() > 0 && out.size() > q.limit()) {
                out.removeFirst();
            }
        }
    }

    private static boolean mayHold(Instant created, Instant nextCreated, AuditQuery q) {
        boolean beforeEnd = q.to() == null || created.isBefore(q.to().plus(TIME_SLACK));
        boolean afterStart = q.from() == null || nextCreated.equals(Instant.MAX)
                || nextCreated.isAfter(q.from().minus(TIME_SLACK));
        return beforeEnd && afterStart;
    }

    private static void forEachEvent(Path file, Consumer<AuditEvent> sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    parse(line.toByteArray()).ifPresent(sink);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<AuditEvent> parse(byte[] line) {
        try {
            return ChainedRecord.parse(line).map(r -> AuditJson.fromBytes(r.event()));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

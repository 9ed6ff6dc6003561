package io.kmsd.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.query.AuditQuery;
import io.kmsd.audit.query.AuditSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The audit trail of a running test app, read back with kms-audit's own search. */
final class Trail {
    private final Path dir;

    private Trail(Path dir) {
        this.dir = dir;
    }

    static Trail of(DropwizardAppExtension<KmsConfiguration> app) {
        return new Trail(app.getConfiguration().getKms().dataPath().resolve("audit"));
    }

    Path dir() {
        return dir;
    }

    List<AuditEvent> all() {
        return AuditSearch.search(dir, AuditQuery.ALL);
    }

    /** Every record of one request (a cross-account request has one per account). */
    List<AuditEvent> of(String requestId) {
        return all().stream().filter(e -> e.requestID().equals(requestId)).toList();
    }

    /** The one record of a request; fails unless there is exactly one. */
    AuditEvent one(String requestId) {
        List<AuditEvent> events = of(requestId);
        assertThat(events).as("records of request %s", requestId).hasSize(1);
        return events.get(0);
    }

    /** The bytes of every file under the audit directory (logs, digests, torn tails). */
    List<byte[]> fileContents() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(Trail::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

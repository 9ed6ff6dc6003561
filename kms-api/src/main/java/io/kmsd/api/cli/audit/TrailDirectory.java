package io.kmsd.api.cli.audit;

import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.sink.AuditSinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The audit directory a command was given: DIR itself, or {@code DIR/audit} when DIR is the data directory. */
public final class TrailDirectory {
    private TrailDirectory() {
    }

    /** Empty if DIR is not a directory. */
    public static Optional<Path> resolve(String given) {
        Path dir = Path.of(given);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path nested = AuditSinks.auditDir(dir);
        return Optional.of(LogFiles.logs(dir).isEmpty() && Files.isDirectory(nested) ? nested : dir);
    }
}

package io.kmsd.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names in the audit directory. Log files are {@code audit-<first sequence, 20 digits>-<UTC creation
 * time>.jsonl}, so sorting names sorts by sequence and by time. Digests live in {@code digests/} as
 * {@code digest-<number, 20 digits>.json}. Bytes cut off a torn tail are kept as
 * {@code <log name>.torn-<offset>}.
 */
public final class LogFiles {
    public static final String DIGEST_DIR = "digests";
    private static final Pattern LOG = Pattern.compile("audit-(\\d{20})-(\\d{8}T\\d{6}Z)\\.jsonl");
    private static final Pattern DIGEST = Pattern.compile("digest-(\\d{20})\\.json");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LogFiles() {
    }

    /** A log file and what its name says. */
    public record LogFile(Path path, long firstSequence, Instant created) {
        public String name() {
            return path.getFileName().toString();
        }
    }

    public static String logName(long firstSequence, Instant created) {
        return String.format("audit-%020d-%s.jsonl", firstSequence, TIME.format(created));
    }

    public static String digestName(long number) {
        return String.format("digest-%020d.json", number);
    }

    public static Optional<LogFile> parseLogName(Path path) {
        Matcher m = LOG.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant created = TIME.parse(m.group(2), Instant::from);
        return Optional.of(new LogFile(path, Long.parseLong(m.group(1)), created));
    }

    /** The log files of {@code dir}, oldest first. */
    public static List<LogFile> logs(Path dir) {
        return list(dir).map(LogFiles::parseLogName).flatMap(Optional::stream).toList();
    }

    /** The digest files, oldest first, with their number. */
    public static List<Path> digests(Path dir) {
        return list(dir.resolve(DIGEST_DIR)).filter(p -> DIGEST.matcher(p.getFileName().toString()).matches())
                .toList();
    }

    public static long digestNumber(Path digest) {
        Matcher m = DIGEST.matcher(digest.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a digest file: " + digest);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Where the records in a log file's bytes end: at the first zero byte, or the end. Records are JSON text, which
     * never holds one; zeros are the writer's reserved space (only ever at the end of the newest file).
     */
    public static int recordsEnd(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                return i;
            }
        }
        return content.length;
    }

    /** Torn tails set aside by the writer on restart. */
    public static List<Path> tornTails(Path dir) {
        return list(dir).filter(p -> p.getFileName().toString().contains(".jsonl.torn-")).toList();
    }

    private static Stream<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}

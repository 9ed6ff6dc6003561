package io.kmsd.audit.sink;

import io.kmsd.audit.chain.ChainHash;
import io.kmsd.audit.chain.ChainedRecord;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.LogFiles.LogFile;
import io.kmsd.audit.chain.SignedDigest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the trail ends when the writer starts, so the chain continues from the last intact record.
 *
 * <p>Torn tail (our choice): bytes after the last newline of the newest file are a record whose write
 * was cut by a crash; it was never acknowledged (the sink answers only after the force). They are moved
 * to {@code <file>.torn-<offset>} (kept for inspection, ignored by the verifier's chain check) and the log
 * file is truncated to its last complete line, so the chain stays a clean sequence of lines. A file left
 * empty by this is deleted. A damaged <em>complete</em> last line is not a crash artefact: the writer
 * refuses to start and points at {@code kms audit verify}.
 *
 * <p>Reserved space ({@link LogWriter}): the newest file may end in zeros the writer filled ahead of its
 * records. Records never hold a zero byte, so they end at the first one. A crash can leave later bytes of an
 * unacknowledged batch beyond it (blocks reach the disk in any order when they overwrite reserved space); they
 * go to the torn tail too, and the file is cut to its last complete line before the first zero.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** Where the chain and the digest chain stand. */
    record State(long lastSequence, String lastHash, long lastDigestNumber, long lastDigestSequence,
            String lastDigestHash) {
        static final State EMPTY = new State(0, ChainHash.GENESIS, 0, 0, ChainHash.GENESIS);
    }

    private Recovery() {
    }

    static State recover(Path dir) throws IOException {
        State chain = chainState(dir);
        return digestState(dir, chain);
    }

    private static State chainState(Path dir) throws IOException {
        List<LogFile> logs = LogFiles.logs(dir);
        for (int i = logs.size() - 1; i >= 0; i--) {
            byte[] content = cutTornTail(logs.get(i).path());
            if (content.length > 0) {
                ChainedRecord last = lastRecord(logs.get(i).path(), content);
                return new State(last.sequence(), last.hash(), 0, 0, ChainHash.GENESIS);
            }
            Files.delete(logs.get(i).path());
        }
        return State.EMPTY;
    }

    /**
     * Returns the file's bytes up to and including its last newline before any zero byte, setting aside the
     * non-zero bytes that follow and cutting off the rest.
     */
    private static byte[] cutTornTail(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int end = LogFiles.recordsEnd(content);
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        int tornEnd = content.length;
        while (tornEnd > end && content[tornEnd - 1] == 0) {
            tornEnd--;
        }
        if (tornEnd > end) {
            Path torn = file.resolveSibling(file.getFileName() + ".torn-" + end);
            Durable.writeAtomically(torn, Arrays.copyOfRange(content, end, tornEnd));
            LOG.warn("audit: torn last line of {} ({} bytes) set aside in {}", file, tornEnd - end, torn);
        }
        if (end < content.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
        return Arrays.copyOf(content, end);
    }

    private static ChainedRecord lastRecord(Path file, byte[] content) throws IOException {
        int start = content.length - 1;
        while (start > 0 && content[start - 1] != '\n') {
            start--;
        }
        byte[] line = Arrays.copyOfRange(content, start, content.length - 1);
        return ChainedRecord.parse(line).filter(ChainedRecord::selfConsistent).orElseThrow(() -> new IOException(
                "the last record of " + file + " is damaged; run 'kms audit verify' on " + file.getParent()));
    }

    private static State digestState(Path dir, State chain) throws IOException {
        List<Path> digests = LogFiles.digests(dir);
        if (digests.isEmpty()) {
            return chain;
        }
        Path last = digests.get(digests.size() - 1);
        byte[] bytes = Files.readAllBytes(last);
        SignedDigest d = SignedDigest.parse(bytes).orElseThrow(() -> new IOException(
                "the last audit digest " + last + " is damaged; run 'kms audit verify'"));
        if (d.digest().lastSequence() > chain.lastSequence()) {
            throw new IOException("the audit trail in " + dir + " ends at record " + chain.lastSequence()
                    + " but digest " + last.getFileName() + " covers up to " + d.digest().lastSequence()
                    + "; run 'kms audit verify'");
        }
        return new State(chain.lastSequence(), chain.lastHash(), d.digest().number(), d.digest().lastSequence(),
                ChainHash.sha256(bytes));
    }
}

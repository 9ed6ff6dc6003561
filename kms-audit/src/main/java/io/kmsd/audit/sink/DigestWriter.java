package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.chain.ChainHash;
import io.kmsd.audit.chain.Digest;
import io.kmsd.audit.chain.DigestKeys;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.SignedDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a signed digest over the records committed since the previous one: every
 * {@code digestEveryRecords} records, when undigested records are older than {@code digestInterval},
 * at rotation and at close. Used by the writer thread only.
 */
final class DigestWriter {
    private final Path digestDir;
    private final KeyPair keys;
    private final String keyId;
    private final AuditConfig config;
    private long number;
    private long lastDigestSequence;
    private String previousDigestHash;
    private final Map<String, long[]> pendingFiles = new LinkedHashMap<>();
    private long headSequence;
    private String headHash;
    private Instant oldestPending;

    DigestWriter(Path auditDir, KeyPair keys, AuditConfig config, Recovery.State state) {
        this.digestDir = auditDir.resolve(LogFiles.DIGEST_DIR);
        this.keys = keys;
        this.keyId = DigestKeys.keyId(keys.getPublic());
        this.config = config;
        this.number = state.lastDigestNumber();
        this.lastDigestSequence = state.lastDigestSequence();
        this.previousDigestHash = state.lastDigestHash();
        this.headSequence = state.lastSequence();
        this.headHash = state.lastHash();
        if (state.lastSequence() > state.lastDigestSequence()) {
            // Records written before a crash and not yet digested: the next digest covers them, but
            // their files are only known by name, so list them from the directory.
            noteUndigestedFiles(auditDir, state);
        }
    }

    /** Records {@code first..last} of {@code file} are durable; {@code hash} is record {@code last}'s. */
    void committed(String file, long first, long last, String hash, Instant now) {
        pendingFiles.merge(file, new long[] {first, last}, (a, b) -> new long[] {a[0], b[1]});
        headSequence = last;
        headHash = hash;
        if (oldestPending == null) {
            oldestPending = now;
        }
    }

    boolean due(Instant now) {
        long pending = headSequence - lastDigestSequence;
        return pending >= config.digestEveryRecords() || (pending > 0 && oldestPending != null
                && !Duration.between(oldestPending, now).minus(config.digestInterval()).isNegative());
    }

    /** Writes a digest if any record is undigested. */
    void write(Instant now) throws IOException {
        if (headSequence == lastDigestSequence) {
            return;
        }
        Digest d = new Digest(Digest.VERSION, number + 1, now, lastDigestSequence + 1, headSequence, headHash,
                ranges(), previousDigestHash, keyId, DigestKeys.encodePublic(keys.getPublic()), DigestKeys.ALGORITHM);
        byte[] bytes = new SignedDigest(d, DigestKeys.sign(keys.getPrivate(), SignedDigest.signedBytes(d))).toBytes();
        Files.createDirectories(digestDir);
        Durable.writeAtomically(digestDir.resolve(LogFiles.digestName(d.number())), bytes);
        number = d.number();
        lastDigestSequence = headSequence;
        previousDigestHash = ChainHash.sha256(bytes);
        pendingFiles.clear();
        oldestPending = null;
    }

    private List<Digest.FileRange> ranges() {
        List<Digest.FileRange> out = new ArrayList<>();
        pendingFiles.forEach((name, r) -> out.add(new Digest.FileRange(name, r[0], r[1])));
        return out;
    }

    private void noteUndigestedFiles(Path auditDir, Recovery.State state) {
        List<LogFiles.LogFile> logs = LogFiles.logs(auditDir);
        for (int i = 0; i < logs.size(); i++) {
            long first = logs.get(i).firstSequence();
            long last = i + 1 < logs.size() ? logs.get(i + 1).firstSequence() - 1 : state.lastSequence();
            long from = Math.max(first, state.lastDigestSequence() + 1);
            if (last >= from) {
                pendingFiles.put(logs.get(i).name(), new long[] {from, last});
            }
        }
        oldestPending = Instant.EPOCH;
    }
}

package io.kmsd.audit.verify;

import io.kmsd.audit.chain.DigestKeys;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.LogFiles.LogFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kms audit verify DIR}: checks every chain link and every digest signature of a trail and
 * names the first bad place. Needs only the directory: the digests carry their public key. The key is
 * pinned to {@code DIR/../audit-signing.pub} when that file exists (the server's layout), or to a key
 * the caller passes; otherwise the first digest's own key is used and the report says it is not pinned
 * (a forger who replaced every digest with his own key would then go unnoticed).
 *
 * <p>Records after the last digest are only chain-checked: anyone able to rewrite the files could
 * re-hash them. The report counts them.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /** Verifies {@code dir}; throws {@link UncheckedIOException} if it cannot be read (CLI exit code 2). */
    public static VerifyResult verify(Path dir) {
        Path pub = dir.toAbsolutePath().getParent().resolve(DigestKeys.PUBLIC_FILE);
        if (Files.isRegularFile(pub)) {
            try {
                return verify(dir, DigestKeys.readPublic(pub), "pinned by " + pub);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pub, e);
            }
        }
        return verify(dir, null, null);
    }

    /** Verifies {@code dir} against a trusted digest key (null: take the first digest's key). */
    public static VerifyResult verify(Path dir, PublicKey trusted, String trustedSource) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("not a directory: " + dir));
        }
        List<LogFile> logs = LogFiles.logs(dir);
        DigestChecker digests = new DigestChecker(dir, trusted, trustedSource);
        ChainChecker chain = new ChainChecker(logs, digests.heads());
        Finding broken = chain.check();
        List<Finding> findings = new ArrayList<>();
        if (broken != null) {
            findings.add(broken);
        }
        findings.addAll(digests.check(chain.hashes(), chain.lastSequence(), broken != null, dir));
        long unsigned = Math.max(0, chain.lastSequence() - digests.lastCovered());
        return new VerifyResult(findings, chain.records(), logs.size(), digests.count(), unsigned, digests.keyId(),
                digests.keySource(), notes(dir));
    }

    private static List<String> notes(Path dir) {
        List<String> notes = new ArrayList<>();
        for (Path torn : LogFiles.tornTails(dir)) {
            notes.add("torn tail set aside after a crash: " + torn.getFileName());
        }
        return notes;
    }
}

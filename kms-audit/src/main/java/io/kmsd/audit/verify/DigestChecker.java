package io.kmsd.audit.verify;

import io.kmsd.audit.chain.ChainHash;
import io.kmsd.audit.chain.Digest;
import io.kmsd.audit.chain.DigestKeys;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.SignedDigest;
import io.kmsd.audit.verify.Finding.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the digest chain: numbers without gaps, each digest naming the hash of the previous digest
 * file, contiguous record ranges, a valid Ed25519 signature by the pinned key, the files it vouches for
 * present, and its chain-head hash equal to the hash of that record in the log.
 */
final class DigestChecker {
    private final List<Loaded> digests = new ArrayList<>();
    private PublicKey key;
    private String keySource;

    /** A digest file's bytes, number from its name, and parsed content (null if unreadable). */
    private record Loaded(Path path, long number, byte[] bytes, SignedDigest signed) {
        String name() {
            return LogFiles.DIGEST_DIR + "/" + path.getFileName();
        }
    }

    DigestChecker(Path dir, PublicKey pinned, String pinnedSource) {
        this.key = pinned;
        this.keySource = pinnedSource;
        for (Path p : LogFiles.digests(dir)) {
            byte[] bytes = read(p);
            digests.add(new Loaded(p, LogFiles.digestNumber(p), bytes, SignedDigest.parse(bytes).orElse(null)));
        }
    }

    int count() {
        return digests.size();
    }

    String keyId() {
        return key == null ? null : DigestKeys.keyId(key);
    }

    String keySource() {
        return keySource;
    }

    /** The record sequences whose hashes the digests vouch for. */
    Set<Long> heads() {
        Set<Long> out = new HashSet<>();
        digests.stream().filter(d -> d.signed() != null).forEach(d -> out.add(d.signed().digest().lastSequence()));
        return out;
    }

    /** The last record covered by a digest. */
    long lastCovered() {
        return digests.stream().filter(d -> d.signed() != null).mapToLong(d -> d.signed().digest().lastSequence())
                .max().orElse(0);
    }

    /**
     * @param hashes         hashes of digest heads found in the log
     * @param verifiedUpTo   the chain holds up to this record
     * @param chainBroken    whether the chain check stopped at a broken link
     * @param dir            the audit directory (for file presence)
     */
    List<Finding> check(Map<Long, String> hashes, long verifiedUpTo, boolean chainBroken, Path dir) {
        List<Finding> out = new ArrayList<>();
        Loaded previous = null;
        for (Loaded d : digests) {
            out.addAll(checkOne(d, previous, hashes, verifiedUpTo, chainBroken, dir));
            previous = d;
        }
        return out;
    }

    private List<Finding> checkOne(Loaded d, Loaded prev, Map<Long, String> hashes, long verifiedUpTo,
            boolean chainBroken, Path dir) {
        List<Finding> out = new ArrayList<>();
        long expectedNumber = prev == null ? 1 : prev.number() + 1;
        long seqHint = prev != null && prev.signed() != null ? prev.signed().digest().lastSequence() + 1 : 1;
        if (d.number() != expectedNumber) {
            out.add(new Finding(Kind.MISSING_DIGEST, d.name(), 0, seqHint, "digest(s) " + expectedNumber + ".."
                    + (d.number() - 1) + " are missing"));
        }
        if (d.signed() == null) {
            out.add(new Finding(Kind.BAD_DIGEST_SIGNATURE, d.name(), 0, seqHint, "not a readable digest file"));
            return out;
        }
        Digest g = d.signed().digest();
        String signatureProblem = signatureProblem(d);
        if (signatureProblem != null) {
            out.add(new Finding(Kind.BAD_DIGEST_SIGNATURE, d.name(), 0, g.firstSequence(), signatureProblem));
            return out;
        }
        out.addAll(linkProblems(d, prev, expectedNumber));
        out.addAll(coverageProblems(d, hashes, verifiedUpTo, chainBroken, dir));
        return out;
    }

    private String signatureProblem(Loaded d) {
        Digest g = d.signed().digest();
        if (key == null) {
            key = DigestKeys.decodePublic(g.publicKey());
            keySource = "taken from " + d.name() + ", not pinned";
        }
        if (!DigestKeys.keyId(key).equals(g.keyId()) || !DigestKeys.encodePublic(key).equals(g.publicKey())) {
            return "signed by key " + g.keyId() + ", not by the trail's key " + DigestKeys.keyId(key);
        }
        if (!DigestKeys.verify(key, SignedDigest.signedBytes(g), d.signed().signature())) {
            return "the signature does not verify: the digest was altered";
        }
        return g.number() == d.number() ? null : "the file name says digest " + d.number() + " but it is "
                + g.number();
    }

    private List<Finding> linkProblems(Loaded d, Loaded prev, long expectedNumber) {
        Digest g = d.signed().digest();
        List<Finding> out = new ArrayList<>();
        String prevHash = prev == null ? ChainHash.GENESIS : ChainHash.sha256(prev.bytes());
        if (d.number() == expectedNumber && !g.previousDigestHash().equals(prevHash)) {
            out.add(new Finding(Kind.DIGEST_MISMATCH, d.name(), 0, g.firstSequence(),
                    "does not chain to the previous digest file (it was replaced)"));
        }
        long expectedFirst = prev == null || prev.signed() == null ? 1 : prev.signed().digest().lastSequence() + 1;
        if (d.number() == expectedNumber && g.firstSequence() != expectedFirst) {
            out.add(new Finding(Kind.DIGEST_MISMATCH, d.name(), 0, g.firstSequence(), "covers records from "
                    + g.firstSequence() + " but the previous digest ended at " + (expectedFirst - 1)));
        }
        return out;
    }

    private List<Finding> coverageProblems(Loaded d, Map<Long, String> hashes, long verifiedUpTo,
            boolean chainBroken, Path dir) {
        Digest g = d.signed().digest();
        List<Finding> out = new ArrayList<>();
        for (Digest.FileRange f : g.files()) {
            if (!Files.exists(dir.resolve(f.name()))) {
                out.add(new Finding(Kind.MISSING_FILE, f.name(), 0, f.firstSequence(), "log file with records "
                        + f.firstSequence() + ".." + f.lastSequence() + " (vouched for by " + d.name() + ") is gone"));
            }
        }
        String found = hashes.get(g.lastSequence());
        if (found != null && !found.equals(g.headHash())) {
            out.add(new Finding(Kind.DIGEST_MISMATCH, null, 0, g.lastSequence(), "record " + g.lastSequence()
                    + " differs from the one signed in " + d.name() + ": records up to it were rewritten"));
        } else if (found == null && !chainBroken && g.lastSequence() > verifiedUpTo) {
            out.add(new Finding(Kind.DELETED, null, 0, verifiedUpTo + 1, "the trail ends at record " + verifiedUpTo
                    + " but " + d.name() + " vouches for records up to " + g.lastSequence()));
        }
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}

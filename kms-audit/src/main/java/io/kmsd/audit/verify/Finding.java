package io.kmsd.audit.verify;

/**
 * One problem in a trail: what, where (file, 1-based line; 0 when it has none) and at which record
 * sequence number (for ordering; 0 when unknown).
 */
public record Finding(Kind kind, String file, long line, long sequence, String detail) {

    /** What went wrong. Every kind but {@link #TORN_TAIL} means the trail was tampered with. */
    public enum Kind {
        /** A record's bytes changed (its hash no longer matches), or it was replaced. */
        EDITED,
        /** Records are missing from the chain. */
        DELETED,
        /** Records are present but out of order. */
        REORDERED,
        /** A record that does not belong to the chain was added. */
        INSERTED,
        /** A log file a digest vouches for is gone. */
        MISSING_FILE,
        /** A digest's signature does not verify (or it is signed by another key, or unreadable). */
        BAD_DIGEST_SIGNATURE,
        /** A validly signed digest disagrees with the log: records it vouches for were rewritten. */
        DIGEST_MISMATCH,
        /** A digest file is missing from the digest chain. */
        MISSING_DIGEST,
        /** The last line of the newest file is incomplete: a crash cut a write short. Not tampering. */
        TORN_TAIL;

        /** Order among findings at the same sequence: the more specific explanation first. */
        int priority() {
            return this == MISSING_FILE ? -1 : ordinal();
        }
    }

    public boolean isTampering() {
        return kind != Kind.TORN_TAIL;
    }

    /** {@code KIND at FILE line N (record S): detail}. */
    public String describe() {
        StringBuilder s = new StringBuilder(kind.name());
        if (file != null) {
            s.append(" at ").append(file);
            if (line > 0) {
                s.append(" line ").append(line);
            }
        }
        if (sequence > 0) {
            s.append(" (record ").append(sequence).append(')');
        }
        return s.append(": ").append(detail).toString();
    }
}

package io.kmsd.audit.verify;

import io.kmsd.audit.chain.ChainHash;
import io.kmsd.audit.chain.ChainedRecord;
import io.kmsd.audit.chain.LogFiles;
import io.kmsd.audit.chain.LogFiles.LogFile;
import io.kmsd.audit.verify.Finding.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every line of every log file in order and checks each link: record n must carry sequence n,
 * the hash of record n-1, and a hash of its own bytes. At the first broken link it looks around (the
 * next line, the rest of the file) to say what happened: edited, deleted, reordered or inserted.
 * Files are read one at a time (plus the next one for lookahead).
 */
final class ChainChecker {
    private final List<LogFile> logs;
    private final Set<Long> wanted;
    private final Map<Long, String> hashes = new HashMap<>();
    private final Map<Integer, List<Entry>> loaded = new HashMap<>();
    private Accepted last = new Accepted(0, ChainHash.GENESIS, ChainHash.GENESIS, null, 0);
    private long records;

    /** A line: its record if it has the exact layout, and whether it ended with a newline. */
    private record Entry(int line, ChainedRecord record, boolean selfConsistent, boolean terminated) {
        boolean good() {
            return record != null && selfConsistent;
        }
    }

    /** The last record that linked correctly. */
    private record Accepted(long sequence, String hash, String previousHash, String file, int line) {
    }

    ChainChecker(List<LogFile> logs, Set<Long> wantedHashes) {
        this.logs = logs;
        this.wanted = wantedHashes;
    }

    /** The first broken link, or null if the whole chain holds. */
    Finding check() {
        for (int fi = 0; fi < logs.size(); fi++) {
            List<Entry> entries = entries(fi);
            for (int i = 0; i < entries.size(); i++) {
                Finding f = examine(fi, i, entries.get(i));
                if (f != null) {
                    return f;
                }
                accept(fi, entries.get(i));
            }
            loaded.remove(fi);
        }
        return null;
    }

    long records() {
        return records;
    }

    long lastSequence() {
        return last.sequence();
    }

    /** Hashes of the records digests vouch for (only those reached before a broken link). */
    Map<Long, String> hashes() {
        return hashes;
    }

    private void accept(int fi, Entry e) {
        ChainedRecord r = e.record();
        last = new Accepted(r.sequence(), r.hash(), r.previousHash(), name(fi), e.line());
        records++;
        if (wanted.contains(r.sequence())) {
            hashes.put(r.sequence(), r.hash());
        }
    }

    private Finding examine(int fi, int i, Entry e) {
        long expected = last.sequence() + 1;
        if (fi == logs.size() - 1 && i == entries(fi).size() - 1 && !e.terminated()) {
            return finding(Kind.TORN_TAIL, fi, e, expected, "the last line is incomplete (a write cut short by a"
                    + " crash; the writer sets it aside on its next start)");
        }
        if (!e.good()) {
            return badLine(fi, i, e, expected);
        }
        ChainedRecord r = e.record();
        if (r.sequence() == expected) {
            return r.previousHash().equals(last.hash()) ? null : wrongLink(fi, i, e, expected);
        }
        return r.sequence() > expected ? gap(fi, i, e, expected) : repeated(fi, i, e);
    }

    private Finding badLine(int fi, int i, Entry e, long expected) {
        if (nextContinues(fi, i, expected, last.hash())) {
            return finding(Kind.INSERTED, fi, e, expected, "this line is not part of the chain; the next line"
                    + " continues it from record " + last.sequence());
        }
        return finding(Kind.EDITED, fi, e, expected, e.record() == null ? "not a valid chained record"
                : "the record's content does not match its hash");
    }

    private Finding wrongLink(int fi, int i, Entry e, long expected) {
        if (nextContinues(fi, i, expected, last.hash())) {
            return finding(Kind.INSERTED, fi, e, expected, "forged record " + expected + "; the next line is"
                    + " the real one");
        }
        return finding(Kind.EDITED, fi, e, expected, "record " + expected + " does not link to record "
                + last.sequence() + " (replaced or re-hashed)");
    }

    private Finding gap(int fi, int i, Entry e, long expected) {
        long seq = e.record().sequence();
        Long later = laterSequenceIn(fi, i, expected, seq);
        if (later != null) {
            return finding(Kind.REORDERED, fi, e, expected, "record " + seq + " stands where record " + expected
                    + " belongs; record " + later + " comes later");
        }
        String where = i == 0 && fi > 0 ? " (between " + name(fi - 1) + " and this file: a file or the end of "
                + name(fi - 1) + " was removed)" : "";
        return finding(Kind.DELETED, fi, e, expected, "records " + expected + ".." + (seq - 1) + " are missing"
                + where);
    }

    private Finding repeated(int fi, int i, Entry e) {
        ChainedRecord r = e.record();
        boolean sameSlot = r.sequence() == last.sequence() && r.previousHash().equals(last.previousHash());
        if (sameSlot && nextContinues(fi, i, r.sequence() + 1, r.hash())) {
            return new Finding(Kind.INSERTED, last.file(), last.line(), last.sequence(), "forged record "
                    + last.sequence() + "; the next line is the real one");
        }
        return finding(Kind.INSERTED, fi, e, r.sequence(), "record " + r.sequence() + " repeats a sequence"
                + " number already in the chain");
    }

    /** True when the line after (fi, i) is a good record with this sequence and previous hash. */
    private boolean nextContinues(int fi, int i, long sequence, String previousHash) {
        Entry n = i + 1 < entries(fi).size() ? entries(fi).get(i + 1)
                : fi + 1 < logs.size() && !entries(fi + 1).isEmpty() ? entries(fi + 1).get(0) : null;
        return n != null && n.good() && n.record().sequence() == sequence
                && n.record().previousHash().equals(previousHash);
    }

    /** A sequence in [from, to) found after (fi, i) in this file or the next one, or null. */
    private Long laterSequenceIn(int fi, int i, long from, long to) {
        List<Entry> rest = new ArrayList<>(entries(fi).subList(i + 1, entries(fi).size()));
        if (fi + 1 < logs.size()) {
            rest.addAll(entries(fi + 1));
        }
        return rest.stream().filter(Entry::good).map(x -> x.record().sequence())
                .filter(s -> s >= from && s < to).findFirst().orElse(null);
    }

    private Finding finding(Kind kind, int fi, Entry e, long sequence, String detail) {
        return new Finding(kind, name(fi), e.line(), sequence, detail);
    }

    private String name(int fi) {
        return logs.get(fi).name();
    }

    private List<Entry> entries(int fi) {
        return loaded.computeIfAbsent(fi, k -> read(logs.get(k), k == logs.size() - 1));
    }

    /**
     * The lines of a file. The newest file's records end at its first zero byte (the writer's reserved space,
     * see the sink's LogWriter); non-zero bytes after it are what a crash left of an unacknowledged batch, reported
     * as a torn tail. In an older file a zero byte is just a damaged line: the writer cuts the reserve off before it
     * starts a newer file.
     */
    private static List<Entry> read(LogFile file, boolean newest) {
        byte[] content;
        try {
            content = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
        int length = newest ? LogFiles.recordsEnd(content) : content.length;
        List<Entry> out = new ArrayList<>();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && content[end] != '\n') {
                end++;
            }
            out.add(entry(out.size() + 1, Arrays.copyOfRange(content, start, end), end < length));
            start = end + 1;
        }
        if (length < content.length && !allZero(content, length) && (out.isEmpty() || out.get(out.size() - 1).terminated())) {
            out.add(new Entry(out.size() + 1, null, false, false));
        }
        return out;
    }

    private static boolean allZero(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Entry entry(int line, byte[] bytes, boolean terminated) {
        ChainedRecord r = ChainedRecord.parse(bytes).orElse(null);
        return new Entry(line, r, r != null && r.selfConsistent(), terminated);
    }
}

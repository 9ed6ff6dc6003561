package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.CommitStats;
import io.kmsd.audit.chain.ChainHash;
import io.kmsd.audit.chain.ChainedRecord;
import io.kmsd.audit.chain.LogFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends chained records to the current log file, rotating by size and age. Used by the writer thread
 * only. Chain state moves forward only after a successful force; after a failure the file is cut back
 * to its last forced size before the next write, so a half-written batch never stays in the chain.
 *
 * <p>Reserved space: the open file is zero-filled {@link #RESERVE_BYTES} ahead of its records, so forcing a
 * batch writes data blocks only. Appending changes the file's size and extents, and forcing that means a
 * journal commit each time: on this project's ext4 test machine a 4 KiB write + fdatasync took 210-240 µs and
 * 100-110 µs of CPU appending, 120-135 µs and 60-70 µs into reserved space. Records are JSON text, which never
 * holds a zero byte, so readers know where the records end ({@link Recovery}, the verifier). The reserve is
 * cut off when the file is closed or rotated; only the newest file can end in zeros, and only while the
 * writer runs or after a crash.
 */
final class LogWriter implements AutoCloseable {
    static final int RESERVE_BYTES = 4 << 20;
    /** Zero-filled 1 MiB at a time: four writes per reserve instead of 64 (the writer thread does them). */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20);
    private static final int BATCH_BYTES = 1 << 16;
    private static final int MAX_KEPT_BATCH_BYTES = 4 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private final AuditConfig config;
    private final ChannelOpener opener;
    private final DigestWriter digests;
    private long lastSequence;
    private byte[] lastHash;
    /** The lines of the batch being written: one direct buffer, reused, so no per-record arrays or copies. */
    private ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES);
    private Segment current;
    private boolean dirty;
    private volatile CommitStats stats = CommitStats.NONE;

    /** The open log file: its size up to the last force, how far it is zero-filled, and when it was created. */
    private static final class Segment {
        final Path path;
        final Instant created;
        FileChannel channel;
        long forcedSize;
        long reserved;

        Segment(Path path, Instant created, FileChannel channel) {
            this.path = path;
            this.created = created;
            this.channel = channel;
        }

        String name() {
            return path.getFileName().toString();
        }
    }

    LogWriter(Path dir, AuditConfig config, ChannelOpener opener, DigestWriter digests, Recovery.State state) {
        this.dir = dir;
        this.config = config;
        this.opener = opener;
        this.digests = digests;
        this.lastSequence = state.lastSequence();
        this.lastHash = HEX.parseHex(state.lastHash());
    }

    /** The sequence number of the last durable record. */
    long lastSequence() {
        return lastSequence;
    }

    /**
     * Appends the events in order and forces them. On failure some leading events may already be durable:
     * {@link #lastSequence()} says how far it got.
     */
    void append(List<byte[]> events, Instant now) throws IOException {
        repairIfDirty();
        if (current != null && !Duration.between(current.created, now).minus(config.maxFileAge()).isNegative()) {
            rotate(now);
        }
        batch.clear();
        long seq = lastSequence;
        byte[] hash = lastHash;
        long batchFirst = seq + 1;
        for (byte[] event : events) {
            int length = ChainedRecord.lineLength(seq + 1, event.length);
            long unforced = current == null ? 0 : current.forcedSize + batch.position();
            if (unforced > 0 && unforced + length > config.maxFileBytes()) {
                commit(batchFirst, seq, hash, now);
                rotate(now);
                batchFirst = seq + 1;
            }
            if (current == null) {
                open(seq + 1, now);
            }
            byte[] next = ChainHash.link(hash, ++seq, event);
            room(length);
            ChainedRecord.writeLine(batch, seq, hash, next, event);
            hash = next;
        }
        commit(batchFirst, seq, hash, now);
    }

    /** Grows the batch buffer to take {@code length} more bytes, keeping what it holds. */
    private void room(int length) {
        if (batch.remaining() < length) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(batch.capacity() * 2, batch.position() + length));
            bigger.put(batch.flip());
            batch = bigger;
        }
    }

    private void commit(long first, long last, byte[] hash, Instant now) throws IOException {
        int size = batch.position();
        if (size == 0) {
            return;
        }
        dirty = true;
        reserve(current, current.forcedSize + size);
        Durable.writeFully(current.channel, batch.flip(), current.forcedSize);
        long forceStart = System.nanoTime();
        current.channel.force(false); // fdatasync: a new reserve's size change is forced too, mtime is not needed
        count(last - first + 1, System.nanoTime() - forceStart);
        dirty = false;
        current.forcedSize += size;
        if (batch.capacity() > MAX_KEPT_BATCH_BYTES) {
            batch = ByteBuffer.allocateDirect(BATCH_BYTES); // one huge batch does not pin its buffer for good
        }
        batch.clear();
        lastSequence = last;
        lastHash = hash;
        digests.committed(current.name(), first, last, HEX.formatHex(hash), now);
    }

    /** Group-commit figures: read by any thread, written by the writer thread only. */
    CommitStats stats() {
        return stats;
    }

    private void count(long records, long forceNanos) {
        CommitStats s = stats;
        stats = new CommitStats(s.records() + records, s.batches() + 1, s.forceNanos() + forceNanos);
    }

    /** Zero-fills the current file up to at least {@code needed} bytes, a whole reserve at a time. */
    private void reserve(Segment s, long needed) throws IOException {
        if (needed <= s.reserved) {
            return;
        }
        long target = Math.max(needed, Math.min(s.reserved + RESERVE_BYTES, config.maxFileBytes()));
        for (long at = s.reserved; at < target; ) {
            ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), target - at));
            at += s.channel.write(zeros, at);
        }
        s.reserved = target;
    }

    /** Closes the current file and signs what it holds; the next record opens a new file. */
    void rotate(Instant now) throws IOException {
        if (current != null) {
            Segment closing = current;
            current = null;
            release(closing);
        }
        digests.write(now);
    }

    /**
     * Cuts the unused reserve off a file that is done, durably, before any newer file exists: so a file that ends
     * in zeros is always the newest one.
     */
    private static void release(Segment s) throws IOException {
        try (FileChannel ch = s.channel) {
            if (s.reserved > s.forcedSize) {
                ch.truncate(s.forcedSize);
                ch.force(true);
            }
        }
    }

    private void open(long firstSequence, Instant now) throws IOException {
        Path path = dir.resolve(LogFiles.logName(firstSequence, now));
        Segment opened = new Segment(path, now, opener.open(path));
        try {
            opened.channel.truncate(0);
            reserve(opened, 1); // forced with the first batch
            Durable.forceDirectory(dir);
        } catch (IOException e) {
            opened.channel.close();
            throw e;
        }
        current = opened;
    }

    /** After a failed write: cut the file back to what was forced, reopening it if the channel died. */
    private void repairIfDirty() throws IOException {
        if (!dirty || current == null) {
            dirty = false;
            return;
        }
        if (!current.channel.isOpen()) {
            current.channel = opener.open(current.path);
        }
        current.channel.truncate(current.forcedSize);
        current.channel.force(true);
        current.reserved = current.forcedSize;
        dirty = false;
    }

    @Override
    public void close() throws IOException {
        repairIfDirty();
        if (current != null) {
            Segment closing = current;
            current = null;
            release(closing);
        }
    }
}

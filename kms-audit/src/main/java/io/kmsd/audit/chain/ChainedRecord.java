package io.kmsd.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One line of a log file, byte for byte:
 * <pre>{"sequence":N,"previousHash":"&lt;64 hex&gt;","hash":"&lt;64 hex&gt;","event":&lt;event JSON&gt;}\n</pre>
 * The hash covers the event bytes exactly as written (see {@link ChainHash}), so the verifier never
 * re-serializes an event and any edited byte shows.
 */
public record ChainedRecord(long sequence, String previousHash, String hash, byte[] event) {
    private static final byte[] P1 = ascii("{\"sequence\":");
    private static final byte[] P2 = ascii(",\"previousHash\":\"");
    private static final byte[] P3 = ascii("\",\"hash\":\"");
    private static final byte[] P4 = ascii("\",\"event\":");

    public ChainedRecord {
        if (sequence < 1 || !ChainHash.isHash(previousHash) || !ChainHash.isHash(hash) || event == null) {
            throw new IllegalArgumentException("malformed chained record");
        }
    }

    /** Links an event after the record whose hash is {@code previousHash}. */
    public static ChainedRecord link(long sequence, String previousHash, byte[] event) {
        return new ChainedRecord(sequence, previousHash, ChainHash.link(previousHash, sequence, event), event);
    }

    /** True when the stored hash is the hash of this record's own fields. */
    public boolean selfConsistent() {
        return hash.equals(ChainHash.link(previousHash, sequence, event));
    }

    /** The line, newline included. */
    public byte[] toLine() {
        byte[] seq = ascii(Long.toString(sequence));
        byte[] out = new byte[P1.length + seq.length + P2.length + 64 + P3.length + 64 + P4.length
                + event.length + 2];
        int at = put(out, 0, P1);
        at = put(out, at, seq);
        at = put(out, at, P2);
        at = put(out, at, ascii(previousHash));
        at = put(out, at, P3);
        at = put(out, at, ascii(hash));
        at = put(out, at, P4);
        at = put(out, at, event);
        out[at] = '}';
        out[at + 1] = '\n';
        return out;
    }

    /** Parses one line (without its newline); empty if it does not have the exact layout. */
    public static Optional<ChainedRecord> parse(byte[] line) {
        try {
            return Optional.of(parseStrict(line));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static ChainedRecord parseStrict(byte[] line) {
        int at = expect(line, 0, P1);
        if (line[at] == '0') {
            throw new IllegalArgumentException("sequence with a leading zero");
        }
        int seqEnd = at;
        while (seqEnd < line.length && line[seqEnd] >= '0' && line[seqEnd] <= '9' && seqEnd - at < 19) {
            seqEnd++;
        }
        long seq = Long.parseLong(new String(line, at, seqEnd - at, StandardCharsets.US_ASCII));
        at = expect(line, seqEnd, P2);
        String prev = new String(line, at, 64, StandardCharsets.US_ASCII);
        at = expect(line, at + 64, P3);
        String hash = new String(line, at, 64, StandardCharsets.US_ASCII);
        at = expect(line, at + 64, P4);
        if (line[line.length - 1] != '}' || line[at] != '{' || line[line.length - 2] != '}') {
            throw new IllegalArgumentException("event is not an object");
        }
        return new ChainedRecord(seq, prev, hash, Arrays.copyOfRange(line, at, line.length - 1));
    }

    private static int expect(byte[] line, int at, byte[] literal) {
        if (!Arrays.equals(line, at, at + literal.length, literal, 0, literal.length)) {
            throw new IllegalArgumentException("layout");
        }
        return at + literal.length;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainedRecord r && r.sequence == sequence && r.hash.equals(hash)
                && r.previousHash.equals(previousHash) && Arrays.equals(r.event, event);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "ChainedRecord[" + sequence + ", " + hash + ", " + event.length + " event bytes]";
    }
}

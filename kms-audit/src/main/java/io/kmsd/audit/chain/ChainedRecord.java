package io.kmsd.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
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
    private static final byte[] HEX_DIGITS = ascii("0123456789abcdef");
    private static final HexFormat HEX = HexFormat.of();

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
        ByteBuffer out = ByteBuffer.allocate(lineLength(sequence, event.length));
        writeLine(out, sequence, HEX.parseHex(previousHash), HEX.parseHex(hash), event);
        return out.array();
    }

    /** The length of a line ({@link #toLine()}) for this sequence number and event length. */
    public static int lineLength(long sequence, int eventLength) {
        return P1.length + digits(sequence) + P2.length + ChainHash.HEX_LENGTH + P3.length + ChainHash.HEX_LENGTH
                + P4.length + eventLength + 2;
    }

    /**
     * Puts the line of a record into {@code out}, from raw 32-byte hashes: the audit writer builds a batch of lines
     * in one reusable buffer this way, with no per-record arrays or hex strings.
     */
    public static void writeLine(ByteBuffer out, long sequence, byte[] previousHash, byte[] hash, byte[] event) {
        if (previousHash.length != ChainHash.BYTES || hash.length != ChainHash.BYTES || sequence < 1) {
            throw new IllegalArgumentException("a chained record has a positive sequence and 32-byte hashes");
        }
        out.put(P1);
        putDigits(out, sequence);
        out.put(P2);
        putHex(out, previousHash);
        out.put(P3);
        putHex(out, hash);
        out.put(P4);
        out.put(event);
        out.put((byte) '}');
        out.put((byte) '\n');
    }

    private static int digits(long n) {
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static void putDigits(ByteBuffer out, long n) {
        int end = out.position() + digits(n);
        long rest = n;
        for (int at = end - 1; at >= out.position(); at--) {
            out.put(at, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        out.position(end);
    }

    private static void putHex(ByteBuffer out, byte[] hash) {
        for (byte b : hash) {
            out.put(HEX_DIGITS[(b >> 4) & 0xF]);
            out.put(HEX_DIGITS[b & 0xF]);
        }
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
        String prev = new String(line, at, ChainHash.HEX_LENGTH, StandardCharsets.US_ASCII);
        at = expect(line, at + ChainHash.HEX_LENGTH, P3);
        String hash = new String(line, at, ChainHash.HEX_LENGTH, StandardCharsets.US_ASCII);
        at = expect(line, at + ChainHash.HEX_LENGTH, P4);
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

package io.kmsd.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The line format round-trips, and no single changed byte goes unnoticed. */
class ChainedRecordProperties {

    static byte[] event(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
        return ("{\"eventName\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Property
    void lineRoundTrips(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seq, @ForAll String text) {
        ChainedRecord r = ChainedRecord.link(seq, ChainHash.GENESIS, event(text));
        byte[] line = r.toLine();
        Optional<ChainedRecord> back = ChainedRecord.parse(Arrays.copyOf(line, line.length - 1));
        assertThat(back).contains(r);
        assertThat(back.orElseThrow().selfConsistent()).isTrue();
    }

    /** The writer's byte-level path (raw hashes, one shared buffer) must give the documented line exactly. */
    @Property
    void writtenLineIsTheDocumentedLayout(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seq,
            @ForAll String text, @ForAll @Size(32) byte[] previous) {
        byte[] event = event(text);
        String previousHex = HexFormat.of().formatHex(previous);
        byte[] hash = ChainHash.link(previous, seq, event);
        assertThat(HexFormat.of().formatHex(hash)).isEqualTo(ChainHash.link(previousHex, seq, event));
        ByteBuffer out = ByteBuffer.allocate(ChainedRecord.lineLength(seq, event.length) + 3);
        out.put((byte) 'x');
        ChainedRecord.writeLine(out, seq, previous, hash, event);
        String expected = "x{\"sequence\":" + seq + ",\"previousHash\":\"" + previousHex + "\",\"hash\":\""
                + HexFormat.of().formatHex(hash) + "\",\"event\":" + new String(event, StandardCharsets.UTF_8) + "}\n";
        assertThat(out.position()).isEqualTo(out.capacity() - 2);
        assertThat(new String(out.array(), 0, out.position(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void aHashOfAnotherLengthIsRefused() {
        ByteBuffer out = ByteBuffer.allocate(1024);
        assertThatThrownBy(() -> ChainedRecord.writeLine(out, 1, new byte[31], new byte[32], event("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).isZero();
    }

    @Property
    void anyChangedByteIsDetected(@ForAll @StringLength(max = 60) String text, @ForAll @IntRange(min = 0, max = 400) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        ChainedRecord r = ChainedRecord.link(42, ChainHash.sha256(new byte[1]), event(text));
        byte[] line = Arrays.copyOf(r.toLine(), r.toLine().length - 1);
        Assume.that(at < line.length);
        line[at] ^= (byte) xor;
        Optional<ChainedRecord> tampered = ChainedRecord.parse(line);
        assertThat(tampered.isEmpty() || !tampered.get().selfConsistent()
                || !tampered.get().hash().equals(r.hash())).isTrue();
    }

    @Test
    void sequenceWithALeadingZeroIsNotARecord() {
        String line = new String(ChainedRecord.link(7, ChainHash.GENESIS, event("x")).toLine(), StandardCharsets.UTF_8)
                .trim().replace("\"sequence\":7", "\"sequence\":07");
        assertThat(ChainedRecord.parse(line.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void eventThatIsNotAnObjectIsNotARecord() {
        String line = new String(ChainedRecord.link(7, ChainHash.GENESIS, event("x")).toLine(), StandardCharsets.UTF_8)
                .trim().replace("\"event\":{", "\"event\":[");
        assertThat(ChainedRecord.parse(line.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

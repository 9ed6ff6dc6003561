package io.kmsd.core.grant.token;

import io.kmsd.core.grant.Grant;
import io.kmsd.core.grant.GrantConstraints;
import io.kmsd.core.grant.GrantId;
import io.kmsd.core.grant.GrantOperation;
import io.kmsd.core.grant.GrantPrincipal;
import io.kmsd.core.grant.GrantState;
import io.kmsd.core.key.AccountId;
import io.kmsd.core.key.KeyArn;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bytes of a grant token before its tag (version 1); see {@link GrantTokens} for the layout. Decoding is
 * strict: every field must be a valid model value, pairs strictly ordered, nothing left over. Any violation
 * throws {@link IllegalArgumentException} (or a buffer exception); the caller maps it to InvalidGrantToken.
 */
final class TokenCodec {
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 16;
    private static final int NO_CONSTRAINT = 0;

    private TokenCodec() {
    }

    static byte[] encode(Grant grant, byte[] nonce) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(grant.grantId().bytes());
            string(out, grant.keyArn().toString());
            string(out, grant.granteePrincipal().value());
            string(out, grant.retiringPrincipal().map(GrantPrincipal::value).orElse(""));
            out.writeInt(bits(grant.operations()));
            constraints(out, grant.constraints());
            string(out, grant.issuingAccount().value());
            out.writeLong(grant.creationDate().toEpochMilli());
            out.write(nonce);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void constraints(DataOutputStream out, Optional<GrantConstraints> constraints) throws IOException {
        if (constraints.isEmpty()) {
            out.writeByte(NO_CONSTRAINT);
            out.writeByte(0);
            return;
        }
        GrantConstraints c = constraints.get();
        out.writeByte(c.type().ordinal() + 1);
        out.writeByte(c.pairs().size());
        for (Map.Entry<String, String> pair : c.pairs().entrySet()) {
            string(out, pair.getKey());
            string(out, pair.getValue());
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("a token field exceeds 65535 bytes");
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static int bits(Set<GrantOperation> operations) {
        int bits = 0;
        for (GrantOperation op : operations) {
            bits |= 1 << op.bit();
        }
        return bits;
    }

    /** The grant in {@code raw[0, length)}; the tag has been checked already. */
    static Grant decode(byte[] raw, int length) {
        ByteBuffer in = ByteBuffer.wrap(raw, 0, length);
        if (in.get() != VERSION) {
            throw new IllegalArgumentException("unknown token version");
        }
        byte[] id = new byte[GrantId.BYTES];
        in.get(id);
        KeyArn key = KeyArn.parse(string(in)).orElseThrow(() -> new IllegalArgumentException("bad key ARN"));
        GrantPrincipal grantee = new GrantPrincipal(string(in));
        String retiring = string(in);
        Set<GrantOperation> operations = operations(in.getInt());
        Optional<GrantConstraints> constraints = constraints(in);
        AccountId issuing = new AccountId(string(in));
        Instant created = Instant.ofEpochMilli(in.getLong());
        in.position(in.position() + NONCE_BYTES);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new Grant(GrantId.ofBytes(id), key, Optional.empty(), created, grantee,
                retiring.isEmpty() ? Optional.empty() : Optional.of(new GrantPrincipal(retiring)), issuing,
                operations, constraints, GrantState.ACTIVE);
    }

    private static Set<GrantOperation> operations(int bits) {
        Set<GrantOperation> out = EnumSet.noneOf(GrantOperation.class);
        for (GrantOperation op : GrantOperation.values()) {
            if ((bits & (1 << op.bit())) != 0) {
                out.add(op);
                bits &= ~(1 << op.bit());
            }
        }
        if (bits != 0 || out.isEmpty()) {
            throw new IllegalArgumentException("bad operation bits");
        }
        return out;
    }

    private static Optional<GrantConstraints> constraints(ByteBuffer in) {
        int type = in.get();
        int count = in.get();
        if (type == NO_CONSTRAINT) {
            if (count != 0) {
                throw new IllegalArgumentException("pairs without a constraint");
            }
            return Optional.empty();
        }
        GrantConstraints.Type[] types = GrantConstraints.Type.values();
        if (type < 1 || type > types.length || count < 1 || count > GrantConstraints.MAX_PAIRS) {
            throw new IllegalArgumentException("bad constraint");
        }
        TreeMap<String, String> pairs = new TreeMap<>();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String key = string(in);
            if (previous != null && previous.compareTo(key) >= 0) {
                throw new IllegalArgumentException("constraint pairs out of order");
            }
            pairs.put(key, string(in));
            previous = key;
        }
        return Optional.of(new GrantConstraints(types[type - 1], pairs));
    }

    private static String string(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bad UTF-8");
        }
    }
}

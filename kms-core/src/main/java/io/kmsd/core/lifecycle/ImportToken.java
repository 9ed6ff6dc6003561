package io.kmsd.core.lifecycle;

import io.kmsd.core.crypto.MaterialVault;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The import token of kms-api §4.10: {@code 0x01 ‖ token id (16) ‖ valid-to millis (8) ‖ u16 len ‖ key ARN ‖
 * HMAC-SHA256 tag (32)}, the tag under a root-derived key ({@link MaterialVault#importTokenTag}). The id names
 * the stored wrapping key; a token whose tag fails or that names another key is InvalidImportToken.
 */
record ImportToken(byte[] tokenId, Instant validTo, KeyArn key) {
    static final int ID_BYTES = 16;
    private static final byte VERSION = 1;
    private static final int TAG_BYTES = 32;

    String tokenIdHex() {
        return HexFormat.of().formatHex(tokenId);
    }

    byte[] encode(MaterialVault vault) {
        byte[] arn = key.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = ByteBuffer.allocate(1 + ID_BYTES + 8 + 2 + arn.length).put(VERSION).put(tokenId)
                .putLong(validTo.toEpochMilli()).putShort((short) arn.length).put(arn).array();
        return ByteBuffer.allocate(body.length + TAG_BYTES).put(body).put(vault.importTokenTag(body)).array();
    }

    /** The token in {@code blob} if its tag verifies and it names {@code expected}; else InvalidImportToken. */
    static ImportToken verify(byte[] blob, KeyArn expected, MaterialVault vault) {
        ImportToken token = decode(blob, vault).orElseThrow(ImportToken::invalid);
        if (!token.key().equals(expected)) {
            throw invalid();
        }
        return token;
    }

    static KmsException invalid() {
        return new KmsException(KmsError.InvalidImportToken, "The import token is invalid or was not issued "
                + "for this key.");
    }

    private static Optional<ImportToken> decode(byte[] blob, MaterialVault vault) {
        if (blob.length < 1 + ID_BYTES + 8 + 2 + TAG_BYTES || blob[0] != VERSION) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(blob, blob.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(blob, body.length, blob.length);
        if (!MessageDigest.isEqual(tag, vault.importTokenTag(body))) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(body, 1, body.length - 1);
        byte[] id = new byte[ID_BYTES];
        in.get(id);
        Instant validTo = Instant.ofEpochMilli(in.getLong());
        int length = Short.toUnsignedInt(in.getShort());
        if (length != in.remaining()) {
            return Optional.empty();
        }
        byte[] arn = new byte[length];
        in.get(arn);
        return KeyArn.parse(new String(arn, StandardCharsets.UTF_8)).map(k -> new ImportToken(id, validTo, k));
    }
}

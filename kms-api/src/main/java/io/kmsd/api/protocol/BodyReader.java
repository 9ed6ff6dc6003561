package io.kmsd.api.protocol;

import io.kmsd.core.error.KmsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Reads a request body as raw bytes (SigV4 hashes them before anything parses them), up to a limit. */
final class BodyReader {
    private BodyReader() {
    }

    /** The whole body; a body over {@code max} bytes is a ValidationException (kms-api §1.1, ours). */
    static byte[] read(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] buf = new byte[Math.min(max + 1, 8192)];
            int n = 0;
            int r;
            while ((r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                if (n > max) {
                    throw tooLarge(max);
                }
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(max + 1, buf.length * 2));
                }
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } catch (IOException e) {
            throw new UncheckedIOException("request body could not be read", e);
        }
    }

    static KmsException tooLarge(int max) {
        return KmsException.validation("1 validation error detected: Value at 'body' failed to satisfy constraint: "
                + "Member must have length less than or equal to " + max);
    }
}

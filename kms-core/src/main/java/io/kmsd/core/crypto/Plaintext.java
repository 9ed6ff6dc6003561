package io.kmsd.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Secret bytes given to or returned by core (plaintext, data keys, random bytes). It never prints its
 * content ({@code Plaintext[32 bytes]}), has no Jackson binding, compares in constant time, and hands
 * out copies only.
 */
public final class Plaintext {
    private final byte[] bytes;

    private Plaintext(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A plaintext holding a copy of {@code bytes}. */
    public static Plaintext of(byte[] bytes) {
        return new Plaintext(bytes.clone());
    }

    /** Takes ownership of an array core created itself (no copy). */
    static Plaintext adopt(byte[] bytes) {
        return new Plaintext(bytes);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes without a copy, for core's own crypto code only. */
    byte[] unsafeBytes() {
        return bytes;
    }

    /** Overwrites the bytes with zeros; the caller is done with them. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plaintext other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.length; // content must not leak through hashes
    }

    @Override
    public String toString() {
        return "Plaintext[" + bytes.length + " bytes]";
    }
}

package io.kmsd.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default root key: 32 random bytes in a file under the data directory, created with mode 0600 on
 * first start. A file that exists but is unreadable or not exactly 32 bytes stops the start with a
 * {@link RootKeyException}: a new key would make every stored key unreadable. The bytes are never logged.
 */
public final class FileRootKeyProvider implements RootKeyProvider {
    public static final String DEFAULT_FILE_NAME = "root.key";
    static final int KEY_BYTES = 32;

    private final Path file;
    private final AesGcm wrapper;
    private final SecretKeySpec derivationKey;

    private FileRootKeyProvider(Path file, byte[] key) {
        this.file = file;
        this.wrapper = new AesGcm(key);
        this.derivationKey = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
    }

    /** Loads the root key from {@code file}, creating it (0600) if it does not exist yet. */
    public static FileRootKeyProvider open(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return new FileRootKeyProvider(file, read(file));
        } catch (IOException e) {
            throw new RootKeyException("Cannot read the root key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = SecureRandoms.bytes(KEY_BYTES);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly(file))) {
            channel.write(ByteBuffer.wrap(key));
            channel.force(true);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; read theirs
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem()
                .supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RootKeyException("The root key file " + file + " is not a readable file; refusing to start");
        }
        long size = Files.size(file);
        if (size != KEY_BYTES) {
            throw new RootKeyException("The root key file " + file + " holds " + size + " bytes, not "
                    + KEY_BYTES + "; refusing to start (restore the original file)");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public byte[] wrap(byte[] secret, byte[] aad) {
        return wrapper.seal(secret, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        byte[] secret = wrapper.open(wrapped, aad);
        if (secret == null) {
            throw new IllegalStateException("wrapped key material does not match the root key or its context");
        }
        return secret;
    }

    @Override
    public byte[] deriveKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(derivationKey);
            return mac.doFinal(("kmsd derive v1\0" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String describe() {
        return "root key file " + file;
    }

    @Override
    public String toString() {
        return "FileRootKeyProvider[" + file + "]";
    }
}

package io.kmsd.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root key file: created 0600 with 32 random bytes, reused, refused when wrong, never printed. */
class FileRootKeyProviderTest {
    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAnOwnerOnly32ByteFile() throws Exception {
        Path file = dir.resolve("sub/root.key");
        FileRootKeyProvider.open(file);
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void reopeningUsesTheSameKey() {
        Path file = dir.resolve("root.key");
        byte[] wrapped = FileRootKeyProvider.open(file).wrap(new byte[] {1, 2, 3}, new byte[] {9});
        assertThat(FileRootKeyProvider.open(file).unwrap(wrapped, new byte[] {9})).containsExactly(1, 2, 3);
        assertThat(FileRootKeyProvider.open(file).deriveKey("x")).isEqualTo(FileRootKeyProvider.open(file).deriveKey("x"));
    }

    @Test
    void twoRootKeysDiffer() {
        byte[] wrapped = FileRootKeyProvider.open(dir.resolve("a.key")).wrap(new byte[] {1}, new byte[0]);
        assertThatThrownBy(() -> FileRootKeyProvider.open(dir.resolve("b.key")).unwrap(wrapped, new byte[0]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unwrapWithOtherAssociatedDataFails() {
        FileRootKeyProvider root = FileRootKeyProvider.open(dir.resolve("root.key"));
        byte[] wrapped = root.wrap(new byte[] {1}, new byte[] {1});
        assertThatThrownBy(() -> root.unwrap(wrapped, new byte[] {2})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> root.unwrap(new byte[5], new byte[] {1})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileOfTheWrongSizeStopsTheStart() throws Exception {
        Path file = dir.resolve("root.key");
        Files.write(file, new byte[31]);
        assertThatThrownBy(() -> FileRootKeyProvider.open(file)).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("holds 31 bytes, not 32").hasMessageContaining("refusing to start");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> FileRootKeyProvider.open(file)).isInstanceOf(RootKeyException.class);
        assertThat(Files.size(file)).isZero(); // never overwritten
    }

    @Test
    void somethingThatIsNotAReadableFileStopsTheStart() throws Exception {
        Path file = dir.resolve("root.key");
        Files.createDirectory(file);
        assertThatThrownBy(() -> FileRootKeyProvider.open(file)).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("not a readable file");
    }

    @Test
    void neitherToStringNorErrorsShowTheKey() throws Exception {
        Path file = dir.resolve("root.key");
        FileRootKeyProvider root = FileRootKeyProvider.open(file);
        String hex = HexFormat.of().formatHex(Files.readAllBytes(file));
        assertThat(root.toString()).doesNotContain(hex);
        assertThat(root.describe()).doesNotContain(hex).contains(file.toString());
    }
}

package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI compatibility test fails (never skips) when {@code aws} is missing, and says what to install. */
class AwsCliLocatorTest {
    @TempDir
    Path dir;

    @Test
    void missingAwsFailsTheTestWithInstructions() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> AwsCli.requireInstalled(empty + File.pathSeparator + dir.resolve("absent")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The AWS CLI (`aws`) is not on PATH")
                .hasMessageContaining("pip install awscli");
    }

    @Test
    void nonExecutableAwsDoesNotCount() throws Exception {
        Files.writeString(dir.resolve("aws"), "not a program");
        assertThatThrownBy(() -> AwsCli.requireInstalled(dir.toString())).isInstanceOf(AssertionError.class);
    }

    @Test
    void findsAnExecutableAwsOnThePath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = Files.writeString(bin.resolve("aws"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwx------"));
        assertThat(AwsCli.requireInstalled(dir.resolve("nope") + File.pathSeparator + bin)).isEqualTo(aws);
    }
}

package io.kmsd.api.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit status of the real process — {@code java ... io.kmsd.api.KmsApplication audit verify DIR}, what
 * {@code ./kms audit verify DIR} runs — for an intact, a torn and a tampered trail: scripts rely on it (issue 5).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AuditProcessTest {
    @TempDir
    Path data;

    record Result(int status, String out) {
    }

    static Result kms(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-XX:TieredStopAtLevel=1", "-cp", classPath(), "io.kmsd.api.KmsApplication"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Surefire's real test class path (its booter jar only has a manifest), else this JVM's. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Test
    void verifyExitsZeroThenThreeForATornTailThenOneForTampering() throws Exception {
        Path trail = SmallTrail.write(data);
        Result ok = kms("audit", "verify", trail.toString());
        assertThat(ok.status()).as(ok.out()).isZero();
        assertThat(ok.out()).startsWith("OK: 4 records");

        SmallTrail.tearTail(trail);
        Result torn = kms("audit", "verify", trail.toString());
        assertThat(torn.status()).as(torn.out()).isEqualTo(3);
        assertThat(torn.out()).startsWith("TORN_TAIL: ");

        SmallTrail.editSecondRecord(trail);
        Result tampered = kms("audit", "verify", trail.toString());
        assertThat(tampered.status()).as(tampered.out()).isEqualTo(1);
        assertThat(tampered.out()).startsWith("TAMPERED: ").contains("first bad place: EDITED at ");
    }

    @Test
    void anUnreadableDirectoryAndBadArgumentsExitTwo() throws Exception {
        assertThat(kms("audit", "verify", data.resolve("nope").toString()).status()).isEqualTo(2);
        assertThat(kms("audit", "search", data.toString(), "--from", "soon").status()).isEqualTo(2);
    }
}

package io.kmsd.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.core.Core;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.KeyService;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.Tag;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN "Storage": a change acknowledged before a kill -9 is not lost. A child JVM commits changes on
 * the embedded H2 database and is killed with SIGKILL right after reporting them; a new Core must find
 * every reported change (this fails with H2's default WRITE_DELAY of 500 ms).
 */
class DurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedChangeSurvivesSigkill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<KeyArn> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("DONE")) {
                if (line.startsWith("COMMITTED ")) {
                    acknowledged.add(KeyArn.parse(line.substring("COMMITTED ".length())).orElseThrow());
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(10);
        try (Core core = Core.start(CoreConfig.builder().h2(dataDir).build())) {
            KeyService keys = core.keys();
            for (int i = 0; i < acknowledged.size(); i++) {
                KeyArn arn = acknowledged.get(i);
                assertThat(keys.describe(arn).keyState()).isEqualTo(KeyState.Disabled);
                assertThat(keys.facts(arn).tags()).containsExactly(new Tag("n", Integer.toString(i)));
                assertThat(keys.facts(arn).aliases()).hasSize(1);
            }
        }
    }
}

package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS CLI ({@code aws}, v1 here) against the server, with its own credentials and config files so
 * nothing of the machine's AWS setup leaks in. A missing {@code aws} fails the test; it is never skipped.
 */
final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final String endpointUrl;
    private final Path executable;

    /** The outcome of one {@code aws} run. */
    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("aws printed no JSON: " + stdout + "\nstderr: " + stderr, e);
            }
        }
    }

    AwsCli(Path dir, String endpointUrl, CompatFixtures.AccessKey key) throws IOException {
        this.dir = dir;
        this.endpointUrl = endpointUrl;
        this.executable = requireInstalled(System.getenv().getOrDefault("PATH", ""));
        Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = " + key.id()
                + "\naws_secret_access_key = " + key.secret() + "\n");
        Files.writeString(dir.resolve("config"), "[default]\nregion = " + CompatFixtures.REGION + "\noutput = json\n");
    }

    /** The {@code aws} executable on {@code pathVariable} (a PATH value), or a test failure saying how to get it. */
    static Path requireInstalled(String pathVariable) {
        for (String entry : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "aws");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("The AWS CLI (`aws`) is not on PATH (PATH=" + pathVariable + "). The compatibility "
                + "tests need it: install AWS CLI v1 (`pip install awscli`) or v2 and re-run.");
    }

    /** {@code aws kms ARGS...}; fails the test unless it exits 0; returns its JSON output. */
    JsonNode kms(String... args) {
        Result r = run(args);
        if (r.exitCode() != 0) {
            fail("aws kms " + String.join(" ", args) + " exited " + r.exitCode() + "\nstderr: " + r.stderr());
        }
        return r.stdout().isBlank() ? JSON.createObjectNode() : r.json();
    }

    /** {@code aws kms ARGS...} whatever its exit code. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "kms"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpointUrl, "--region", CompatFixtures.REGION, "--output", "json"));
        try {
            return execute(command);
        } catch (IOException e) {
            return fail("could not run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private Result execute(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "aws-out", ".txt");
        Path err = Files.createTempFile(dir, "aws-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(pb.environment());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("aws did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Only our files: no profile, key, token or metadata lookups from the machine. */
    private void environment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
    }
}

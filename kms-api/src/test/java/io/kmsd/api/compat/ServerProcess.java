package io.kmsd.api.compat;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate JVM ({@code java -cp <test classpath> io.kmsd.api.KmsApplication server CONFIG}), so a
 * test can SIGKILL it. Startup is awaited on a condition (the admin health check answers), paced by waiting on
 * the process itself, so a crash at startup is seen at once.
 */
final class ServerProcess implements AutoCloseable {
    static final String MAIN_CLASS = "io.kmsd.api.KmsApplication";

    private final Process process;
    private final Path log;
    private final int adminPort;

    private ServerProcess(Process process, Path log, int adminPort) {
        this.process = process;
        this.log = log;
        this.adminPort = adminPort;
    }

    /** Starts the server on {@code config} and waits until its health check passes. */
    static ServerProcess start(Path config, int adminPort, Path log, Duration startupTimeout) {
        List<String> command = List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                MAIN_CLASS, "server", config.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServerProcess server = new ServerProcess(p, log, adminPort);
            server.awaitHealthy(startupTimeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no flushing; what was acknowledged must already be durable. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("server process did not die after SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!healthy()) {
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    fail("server exited with " + process.exitValue() + " during startup:\n" + logTail());
                }
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    fail("server not healthy within " + timeout + ":\n" + logTail());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the server");
        }
    }

    /** Dropwizard's admin health check answers 200 (every check passes). */
    private boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + adminPort + "/healthcheck")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire's real test class path (its booter jar only has a manifest), else this JVM's. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}

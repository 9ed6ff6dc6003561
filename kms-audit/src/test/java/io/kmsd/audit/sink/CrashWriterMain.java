package io.kmsd.audit.sink;

import io.kmsd.audit.AuditConfig;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.testing.Events;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link CrashTest}: records events from 8 threads until killed, printing
 * {@code ack <requestID>} for each event after {@code record} returned. Argument: the data directory.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        AuditConfig config = AuditConfig.defaults().withRotation(256 * 1024, Duration.ofHours(1))
                .withDigests(500, Duration.ofSeconds(1));
        FileAuditSink sink = FileAuditSink.open(AuditSinks.auditDir(dataDir), dataDir, config, Clock.systemUTC());
        PrintStream out = new PrintStream(System.out, true);
        AtomicInteger counter = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread w = new Thread(() -> {
                while (true) {
                    AuditEvent e = Events.encrypt(counter.incrementAndGet(), Clock.systemUTC().instant());
                    sink.record(e);
                    synchronized (out) {
                        out.println("ack " + e.requestID());
                    }
                }
            });
            w.start();
        }
        out.println("started");
    }
}

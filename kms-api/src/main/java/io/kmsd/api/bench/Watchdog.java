package io.kmsd.api.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the request timeout of every open {@link HttpConnection} from one daemon thread. The sockets
 * themselves block without a timeout: with SO_TIMEOUT set, the JDK reads a socket in non-blocking mode and polls,
 * three system calls per response instead of one, and the client shares its two cores with the server it
 * measures. A connection past its deadline is aborted (its socket closed), and its exchange reports a timeout.
 */
final class Watchdog {
    static final Watchdog INSTANCE = new Watchdog(20);

    private final Set<HttpConnection> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    private Watchdog(long periodMillis) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kms-load-watchdog");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void watch(HttpConnection connection) {
        watched.add(connection);
    }

    void forget(HttpConnection connection) {
        watched.remove(connection);
    }

    private void tick() {
        long now = System.nanoTime();
        for (HttpConnection c : watched) {
            c.abortIfOverdue(now);
        }
    }
}

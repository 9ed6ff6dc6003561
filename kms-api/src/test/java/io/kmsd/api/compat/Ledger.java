package io.kmsd.api.compat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the server acknowledged, recorded by concurrent writers; a monitor lets the test wait for a count. */
final class Ledger {
    record Key(String arn, String description) {
    }

    record Alias(String name, String keyArn) {
    }

    record Ciphertext(byte[] blob, byte[] plaintext, Map<String, String> context, String keyArn) {
        @Override
        public String toString() {
            return "Ciphertext[" + blob.length + " bytes, plaintext " + plaintext.length + " bytes, " + keyArn + "]";
        }
    }

    private final List<Key> keys = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    private final List<Ciphertext> ciphertexts = new ArrayList<>();

    synchronized void key(Key k) {
        keys.add(k);
        notifyAll();
    }

    synchronized void alias(Alias a) {
        aliases.add(a);
        notifyAll();
    }

    synchronized void ciphertext(Ciphertext c) {
        ciphertexts.add(c);
        notifyAll();
    }

    synchronized int size() {
        return keys.size() + aliases.size() + ciphertexts.size();
    }

    synchronized List<Key> keys() {
        return List.copyOf(keys);
    }

    synchronized List<Alias> aliases() {
        return List.copyOf(aliases);
    }

    synchronized List<Ciphertext> ciphertexts() {
        return List.copyOf(ciphertexts);
    }

    /** Waits (on this monitor, woken by each record) until {@code n} acknowledgements; false on timeout. */
    synchronized boolean awaitAtLeast(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}

package io.kmsd.core.store;

/**
 * The storage port. Work runs in one database transaction: {@link #write} commits before it returns (so a
 * change is durable when the caller answers), {@link #read} only reads. A failing work rolls back.
 */
public interface KeyStore {

    <T> T write(Work<T> work);

    <T> T read(Work<T> work);

    /** True if a connection can be opened and a trivial query answers. */
    boolean reachable();

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(KeyTx tx);
    }
}

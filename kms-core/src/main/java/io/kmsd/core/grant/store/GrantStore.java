package io.kmsd.core.grant.store;

/**
 * Grants in the database. {@link #write} commits before it returns (durable when the caller answers);
 * {@link #read} only reads. A failing work rolls back. Failures of the database are
 * {@link io.kmsd.core.store.StoreException}s.
 */
public interface GrantStore {

    <T> T write(Work<T> work);

    <T> T read(Work<T> work);

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(GrantTx tx);
    }
}

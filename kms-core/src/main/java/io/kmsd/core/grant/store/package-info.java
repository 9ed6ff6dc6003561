/**
 * The storage port for grants: {@link io.kmsd.core.grant.store.GrantStore} runs work in one transaction over
 * {@link io.kmsd.core.grant.store.GrantTx}. The JDBC implementation lives in {@code io.kmsd.core.store.jdbc}
 * beside the key store (same schema, migrations and SQL helpers). Imports model packages only.
 */
package io.kmsd.core.grant.store;

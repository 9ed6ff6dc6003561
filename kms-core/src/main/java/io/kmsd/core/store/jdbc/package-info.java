/**
 * Plain-JDBC implementation of the storage port for H2 and PostgreSQL (one schema, versioned migrations
 * under {@code db/migration}). Imports {@code io.kmsd.core.store} and model packages; no crypto.
 */
package io.kmsd.core.store.jdbc;

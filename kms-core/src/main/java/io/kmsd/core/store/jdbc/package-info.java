/**
 * Plain-JDBC implementation of the storage ports for H2 and PostgreSQL (one schema, versioned migrations
 * under {@code db/migration}): keys ({@code io.kmsd.core.store}) and grants ({@code io.kmsd.core.grant.store}).
 * Imports those ports and model packages; no crypto.
 */
package io.kmsd.core.store.jdbc;

/**
 * The {@link io.kmsd.core.GrantService} implementation: creation rules, listings, retire/revoke, the per-key
 * grant cache that nodes refresh on an interval, and token checks for the authorizer. Imports the core facade,
 * the grant packages, model packages and the storage port {@code io.kmsd.core.store.StoreException}; never
 * authorizes.
 */
package io.kmsd.core.grant.service;

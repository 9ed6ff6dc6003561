/**
 * Grant tokens (kms-api §2, §4.0; key-policy-semantics E15; DESIGN "Grants and grant tokens across nodes"):
 * minting and verifying the authenticated, non-secret encoding of a grant that lets any node honour a new grant
 * at once. The MAC key is derived from the root key provider. Imports {@code io.kmsd.core.grant},
 * {@code io.kmsd.core.key}, {@code io.kmsd.core.error}, {@code io.kmsd.core.crypto.RootKeyProvider} and the JDK.
 */
package io.kmsd.core.grant.token;

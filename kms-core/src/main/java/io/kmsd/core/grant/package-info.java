/**
 * The grant model the whole project shares (kms-api §2, §4.9; key-policy-semantics E12–E17): grant ids, names,
 * principals, operations, constraints, states and the {@link io.kmsd.core.grant.Grant} record. kms-policy may
 * import this package. Values only: no storage, no tokens, no crypto. Imports {@code io.kmsd.core.key},
 * {@code io.kmsd.core.error} and the JDK.
 */
package io.kmsd.core.grant;

/**
 * Everything that touches key material: plaintext and context values, the root key provider, wrapping,
 * material ids, and symmetric Encrypt/Decrypt with the ciphertext layout. Raw key bytes never leave this
 * package. Imports {@code io.kmsd.core.key}, {@code io.kmsd.core.error} and the JDK only.
 */
package io.kmsd.core.crypto;

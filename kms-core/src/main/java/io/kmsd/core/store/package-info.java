/**
 * The storage port: rows as records and the {@code KeyStore} interface core's lifecycle writes through.
 * Imports model packages only.
 */
package io.kmsd.core.store;

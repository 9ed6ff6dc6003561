/**
 * The on-disk format shared by the writer and the verifier: chained record lines, file names, digest
 * files and the Ed25519 digest keys. May import the root package, Jackson and the JDK.
 */
package io.kmsd.audit.chain;

/**
 * The file-backed sink: group commit, rotation, torn-tail recovery, digests, fail-open wrapping, and
 * {@link io.kmsd.audit.sink.AuditSinks} to build the configured sink. May import the root and chain
 * packages, SLF4J and the JDK.
 */
package io.kmsd.audit.sink;

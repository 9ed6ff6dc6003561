/**
 * {@code kms audit verify}: chain and digest checks naming the first bad place. Read-only; may import
 * the root and chain packages and the JDK, never the sink.
 */
package io.kmsd.audit.verify;

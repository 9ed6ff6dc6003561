/**
 * {@code kms audit search}: filters over the trail and the table / JSON Lines renderings. Read-only;
 * may import the root and chain packages and the JDK, never the sink.
 */
package io.kmsd.audit.query;

/**
 * Key model values shared with kms-policy: ids, ARNs, specs, usages, states, metadata, facts, tags, and
 * the one operation × state table. Imports only {@code io.kmsd.core.error}, {@code io.kmsd.core.alias} and the JDK.
 */
package io.kmsd.core.key;

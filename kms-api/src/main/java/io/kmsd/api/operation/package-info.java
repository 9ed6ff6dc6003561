/**
 * One handler per KMS operation (kms-api §4): decode (its request record, with its model constraints) →
 * resolve the key → authorize ({@link io.kmsd.api.operation.KeyAccess}) → core → encode (its response record).
 * The audit hook sees every outcome through the dispatcher. {@link io.kmsd.api.operation.Handlers} lists them.
 *
 * <p>May import {@code io.kmsd.api.{wire,protocol,authz,auth}}, {@code io.kmsd.core} (the facade and its model,
 * grant and crypto values) and Jackson annotations; nothing of HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.api.operation;

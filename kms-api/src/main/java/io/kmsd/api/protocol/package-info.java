/**
 * The protocol of kms-api §1: one JAX-RS resource for {@code POST /}, the {@link io.kmsd.api.protocol.Dispatcher}
 * that runs every request through authenticate → dispatch → parse → validate → handler → encode (§1.4), the
 * table from operation name to handler, the per-request {@link io.kmsd.api.protocol.Call}, request ids,
 * per-operation metrics and the audit hook.
 *
 * <p>May import JAX-RS and Dropwizard Metrics, {@code io.kmsd.api.{wire,auth,authz}} and
 * {@code io.kmsd.core.{key,error}}. Handlers live in {@code io.kmsd.api.operation} and see only
 * {@link io.kmsd.api.protocol.Call} and {@link io.kmsd.api.protocol.OperationHandler} of this package.
 */
package io.kmsd.api.protocol;

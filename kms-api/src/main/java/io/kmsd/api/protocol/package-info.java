/**
 * The protocol of kms-api §1: one JAX-RS resource for {@code POST /}, the {@link io.kmsd.api.protocol.Dispatcher}
 * that runs every request through authenticate → dispatch → parse → validate → handler → encode (§1.4), the
 * table from operation name to handler, the per-request {@link io.kmsd.api.protocol.Call}, request ids,
 * per-operation metrics and the audit hook with its {@link io.kmsd.api.protocol.CallRecord} (whose request and
 * response members are copied by wire name, never a blob), and {@link io.kmsd.api.protocol.Unrouted}, which audits the
 * requests the dispatcher never sees (other paths and methods).
 *
 * <p>May import JAX-RS, Dropwizard Metrics, Jackson annotations, {@code io.kmsd.api.{wire,auth,authz}} and
 * {@code io.kmsd.core.{key,error}}. Handlers live in {@code io.kmsd.api.operation} and see only
 * {@link io.kmsd.api.protocol.Call} and {@link io.kmsd.api.protocol.OperationHandler} of this package.
 */
package io.kmsd.api.protocol;

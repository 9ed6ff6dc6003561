/**
 * The server side of the audit trail (issue 5): {@link io.kmsd.api.audit.AuditTrail}, the
 * {@link io.kmsd.api.protocol.AuditHook} that turns every request's {@link io.kmsd.api.protocol.CallRecord} into
 * one typed kms-audit event in CloudTrail's vocabulary — caller, request parameters and response elements by
 * closed tables of wire members (never a plaintext, ciphertext or key), key state changes, and the decision
 * with its deciding statements — and writes it durably before the response is sent, refusing the request when
 * it cannot (fail closed).
 *
 * <p>May import {@code io.kmsd.audit}, {@code io.kmsd.api.{protocol,auth,authz}}, {@code io.kmsd.core.{key,error}},
 * SLF4J and the JDK; nothing of HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.api.audit;

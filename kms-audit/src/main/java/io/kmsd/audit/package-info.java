/**
 * The audit port and its event: {@link io.kmsd.audit.AuditSink} (what kms-api calls for every request),
 * {@link io.kmsd.audit.AuditEvent} in CloudTrail's vocabulary with our decision extension, its closed
 * parameter lists and its one JSON form. May import Jackson and the JDK only; no other project module.
 */
package io.kmsd.audit;

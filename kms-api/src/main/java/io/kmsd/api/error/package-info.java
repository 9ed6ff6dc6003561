/**
 * The one place where failures become AWS-shaped responses (kms-api §1.2): {@code {"__type", "message"}}
 * bodies with the status of {@link io.kmsd.core.error.KmsError#httpStatus()}, for domain failures, Jersey and
 * Jackson failures, Jetty-level failures and bugs (an opaque KMSInternalException whose request id is logged
 * with the stack trace; never a stack trace in a response).
 *
 * <p>May import JAX-RS, Jetty, Jackson, SLF4J and {@code io.kmsd.core.error}.
 */
package io.kmsd.api.error;

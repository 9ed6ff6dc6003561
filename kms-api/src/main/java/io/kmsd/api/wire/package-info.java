/**
 * The AWS JSON 1.1 wire format (kms-api §1.1): the strict Jackson mapper, blobs (base64), timestamps (epoch
 * seconds), the codec that turns bodies into request records, and the ValidationException grammar of §1.3.
 *
 * <p>May import Jackson, the JDK and {@code io.kmsd.core.error}; nothing of HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.api.wire;

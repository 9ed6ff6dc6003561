/**
 * Authentication: SigV4 verification (kms-api §1.5, §1.6), the identities file (DESIGN "Identities file") and
 * the {@link io.kmsd.api.auth.Principal} it yields, permissive mode, and the first-start bootstrap of an
 * administrator. Failures are {@code KmsException}s with the exact §1.3/§1.5 types and messages.
 *
 * <p>May import the JDK, Jackson (YAML), SLF4J and {@code io.kmsd.core.{key,error}}; nothing of HTTP, JAX-RS
 * or Dropwizard (the protocol layer adapts requests into {@link io.kmsd.api.auth.SignedRequest}).
 */
package io.kmsd.api.auth;

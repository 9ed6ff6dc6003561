/**
 * The authorization seam: every handler builds an {@link io.kmsd.api.authz.AuthzRequest} (principal, action,
 * the key's facts, the request's typed facts) and asks the {@link io.kmsd.api.authz.Authorizer} before core
 * runs. The rule behind the seam is replaceable: today {@link io.kmsd.api.authz.SameAccountAuthorizer}, later
 * the policy engine of kms-policy.
 *
 * <p>May import {@code io.kmsd.api.auth} (the principal), {@code io.kmsd.core.{key,alias,crypto,error}} and
 * the JDK; nothing of HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.api.authz;

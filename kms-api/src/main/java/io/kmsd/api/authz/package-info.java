/**
 * The authorization seam: every handler builds an {@link io.kmsd.api.authz.AuthzRequest} (principal, action,
 * the key's facts, the request's typed facts) and asks the {@link io.kmsd.api.authz.Authorizer} before core
 * runs. {@link io.kmsd.api.authz.PolicyAuthorizer} puts kms-policy's engine behind it: {@code EngineRequests}
 * is the one place where requests become the engine's, with compiled key policies ({@code CompiledKeys}),
 * callers with compiled identity policies ({@code Callers}) and core's grants ({@code GrantViews}); the Cedar
 * guardrails ({@code kms.policy.guardrails}) run after the IAM decision and can only deny. For ExplainAccess the
 * authorizer also explains a request ({@link io.kmsd.api.authz.AccessExplanation}) without deciding it.
 *
 * <p>May import {@code io.kmsd.api.auth} (principals, identities), {@code io.kmsd.policy..},
 * {@code io.kmsd.core} (the grant service) and {@code io.kmsd.core.{key,alias,crypto,grant,error}}, SLF4J and
 * the JDK; nothing of HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.api.authz;

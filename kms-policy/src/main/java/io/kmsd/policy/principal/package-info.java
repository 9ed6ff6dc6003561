/**
 * Who is calling and who a policy names: the caller {@link io.kmsd.policy.principal.Principal} with its identity
 * chain (key-policy-semantics E5), the G7 principal-entry grammar, compiled {@link
 * io.kmsd.policy.principal.PrincipalSet}s with the E4 match kinds, and the {@link
 * io.kmsd.policy.principal.IdentityDirectory} used by G8(c). Imports the JDK only.
 */
package io.kmsd.policy.principal;

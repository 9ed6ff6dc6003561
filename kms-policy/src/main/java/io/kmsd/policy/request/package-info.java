/**
 * Everything one authorization decision is about (key-policy-semantics E1, section 5): the {@link
 * io.kmsd.policy.request.Caller} with its identity policies, the {@link io.kmsd.policy.request.KeyFacts}, typed
 * {@link io.kmsd.policy.request.RequestFacts}, the request context the {@link
 * io.kmsd.policy.request.ContextBuilder} derives from them, and the grants — bundled as an {@link
 * io.kmsd.policy.request.AuthorizationRequest}. kms-api builds these per request from cached, compiled parts.
 * Imports io.kmsd.policy.{actions,condition,principal,grants,document} and io.kmsd.core.key.
 */
package io.kmsd.policy.request;

/**
 * Condition operators (key-policy-semantics C1–C14), compiled policy values (globs, ARN patterns, policy
 * variables, numbers, dates, CIDRs) and the request context they are evaluated against (section 5, K), with the
 * {@link io.kmsd.policy.condition.ContextBuilder} that derives it from typed {@link
 * io.kmsd.policy.condition.RequestFacts}. Imports io.kmsd.policy.actions and the JDK only.
 */
package io.kmsd.policy.condition;

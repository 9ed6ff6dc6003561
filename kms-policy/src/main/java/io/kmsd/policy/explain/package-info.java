/**
 * Explanations of decisions (key-policy-semantics X1–X7): the {@link io.kmsd.policy.explain.Explainer} re-runs
 * every statement and grant of a {@link io.kmsd.policy.eval.Decision} element by element, and the text and JSON
 * renderers print the result; {@link io.kmsd.policy.explain.DenialMessages} builds the AWS
 * AccessDeniedException messages. Shared by the CLI ({@code ./kms explain}) and the policy test runner. Imports
 * the other io.kmsd.policy packages, io.kmsd.core.error and Jackson.
 */
package io.kmsd.policy.explain;

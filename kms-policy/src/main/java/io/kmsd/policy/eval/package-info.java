/**
 * The decision procedure (key-policy-semantics E1–E20, L1–L4): statement applicability, grant applicability,
 * the one combining rule ({@link io.kmsd.policy.eval.Combiner}), the {@link io.kmsd.policy.eval.Evaluator} that
 * turns an authorization request into a {@link io.kmsd.policy.eval.Decision}, the lockout safety check and the
 * PutKeyPolicy/CreateKey flow. Pure: no I/O, no clock, never throws on accepted policies. Imports the other
 * io.kmsd.policy packages (not explain, template, testing) and io.kmsd.core.error.
 */
package io.kmsd.policy.eval;

/**
 * Policy documents (key-policy-semantics section 2, G1–G15): the parser that validates JSON text or a Jackson
 * tree and compiles it once into an immutable {@link io.kmsd.policy.document.PolicyDocument} of statements with
 * prebuilt matchers, or rejects it with {@code MalformedPolicyDocumentException} / {@code LimitExceededException}.
 * Imports io.kmsd.policy.{actions,condition,principal}, io.kmsd.core.error and Jackson.
 */
package io.kmsd.policy.document;
